package doccheck

// Every flagon name the table of docs/porting.md mentions, referred to so
// that the build fails when one is renamed or removed; TestPortingTable
// checks that each name of the table is in this file. Receivers in the
// table: c *flagon.Ctx, app *flagon.App, bp *flagon.Blueprint,
// app.Config *config.Config, db *database.DB, s *orm.Session,
// q *orm.SelectQuery, p *database.Pagination, op *migrate.Op,
// res *flagontest.Response.

import (
	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/cli"
	"github.com/flagon-go/flagon/config"
	"github.com/flagon-go/flagon/csrf"
	"github.com/flagon-go/flagon/ext/database"
	"github.com/flagon-go/flagon/ext/migration"
	"github.com/flagon-go/flagon/flagontest"
	"github.com/flagon-go/flagon/flagontest/dbtest"
	"github.com/flagon-go/flagon/migrate"
	"github.com/flagon-go/flagon/orm"
	"github.com/flagon-go/flagon/security"
	"github.com/flagon-go/flagon/sign"
)

type model struct{ ID int }

// Fields the table names.
var _ = func(c *flagon.Ctx, app *flagon.App) []any { return []any{c.Request.Header, app.Config} }

var _ = []any{
	// Flask
	flagon.New, flagon.WithRootPath, flagon.WithConfig, flagon.WithTemplateFS, flagon.WithStaticFS,
	(*flagon.App).Route, (*flagon.App).Get, (*flagon.App).Post, flagon.Methods, flagon.Endpoint,
	(*flagon.Ctx).Param, (*flagon.Ctx).ParamInt, (*flagon.Ctx).Args, (*flagon.Ctx).Form, (*flagon.Ctx).FormValue,
	(*flagon.Ctx).Files, (*flagon.Ctx).BindJSON, flagon.BindJSON[model], (*flagon.Ctx).Cookie, (*flagon.Ctx).Header,
	(*flagon.Ctx).Text, (*flagon.Ctx).JSON, (*flagon.Ctx).HTML, (*flagon.Ctx).Status, (*flagon.Ctx).Redirect,
	(*flagon.Ctx).SetCookie, (*flagon.Ctx).SendFile, (*flagon.Ctx).SendFromDirectory, (*flagon.Ctx).Stream,
	(*flagon.Ctx).Render, (*flagon.Ctx).RenderString, (*flagon.Ctx).URLFor, (*flagon.App).URLFor,
	flagon.Abort, flagon.NewHTTPError, (*flagon.App).ErrorHandler, flagon.HandleError[error],
	(*flagon.Ctx).Session, (*flagon.Ctx).Flash, (*flagon.Ctx).FlashedMessages, (*flagon.Ctx).G,
	flagon.NewKey[int], (*flagon.Ctx).App, (*flagon.Ctx).Context, (*flagon.Ctx).Endpoint,
	(*flagon.App).BeforeRequest, (*flagon.App).AfterRequest, (*flagon.App).TeardownRequest,
	(*flagon.App).ContextProcessor, (*flagon.App).TemplateFunc, (*flagon.App).Use,
	flagon.NewBlueprint, (*flagon.App).RegisterBlueprint, (*flagon.Blueprint).BeforeAppRequest,
	(*config.Config).Set, (*config.Config).Get, (*config.Config).FromEnv, (*config.Config).FromFile,
	(*config.Config).FromMap, (*flagon.App).Debug, (*flagon.App).Command, (*flagon.App).BeforeServe,
	cli.Main, cli.App, flagon.ProxyFix, flagon.GotRequestException,
	flagontest.NewClient, (*flagontest.Client).Get, (*flagontest.Client).Post, flagontest.Form,
	flagontest.JSON, flagontest.FollowRedirects, (*flagontest.Client).SessionTransaction, (*flagontest.Response).Text, (*flagontest.Response).JSON,
	flagontest.RunCLI, dbtest.ForEach, dbtest.Main,
	security.GeneratePasswordHash, security.CheckPasswordHash, flagon.SecureFilename, flagon.SafeJoin, csrf.New, csrf.Token, csrf.ValidateToken, (*csrf.Protect).Exempt,
	sign.NewSerializer, (*sign.Serializer).DumpsValue, (*sign.Serializer).LoadsValue,

	// Flask-SQLAlchemy and SQLAlchemy
	database.New, (*database.DB).Register, (*database.DB).RegisterBind, (*database.DB).Session,
	(*database.DB).Engine, (*database.DB).CreateAll, (*database.DB).DropAll,
	(*orm.Session).Add, (*orm.Session).Delete, (*orm.Session).Commit, (*orm.Session).Rollback,
	(*orm.Session).Refresh, (*orm.Session).Expire, (*orm.Session).ExpireFields, (*orm.Session).ExecContext, (*orm.DB).Session,
	orm.Get[model], orm.Select[model], (*orm.SelectQuery[model]).Where, (*orm.SelectQuery[model]).FilterBy,
	(*orm.SelectQuery[model]).OrderBy, (*orm.SelectQuery[model]).Limit, (*orm.SelectQuery[model]).All,
	(*orm.SelectQuery[model]).First, (*orm.SelectQuery[model]).One, (*orm.SelectQuery[model]).Count,
	database.GetOr404[model], database.FirstOr404[model], database.OneOr404[model],
	database.Paginate[model], (*database.Pagination[model]).IterPages, database.RecordedQueries,
	orm.Dynamic[model]{}, orm.Now, orm.Extract, orm.Year,

	// Flask-Migrate and Alembic
	migration.New, migrate.UpgradeOnStart, (*migrate.Op).CreateTable, (*migrate.Op).DropTable,
	(*migrate.Op).AddColumn, (*migrate.Op).DropColumn, (*migrate.Op).AlterColumn,
	(*migrate.Op).CreateIndex, (*migrate.Op).Execute, (*migrate.Op).BulkInsert,
}
