package flagon_test

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/cli"
	"github.com/flagon-go/flagon/config"
	"github.com/flagon-go/flagon/csrf"
	"github.com/flagon-go/flagon/flagontest"
	"github.com/flagon-go/flagon/routing"
	"github.com/flagon-go/flagon/security"
	"github.com/flagon-go/flagon/session"
	"github.com/flagon-go/flagon/sign"
)

// flaskTable refers to every flagon name of the "Flask to flagon" table of
// docs/web.md, so that the table cannot name something that does not
// exist: this file stops compiling instead.
var flaskTable = []any{
	// the app, blueprints and registration
	flagon.New, flagon.WithStaticFS, flagon.WithTemplateFS, flagon.WithRootPath,
	flagon.WithSubdomainMatching, flagon.WithHostMatching, flagon.WithConfig,
	flagon.NewBlueprint, (*flagon.App).RegisterBlueprint, (*flagon.Blueprint).RegisterBlueprint,
	flagon.URLPrefix, flagon.BlueprintName, flagon.BlueprintSubdomain,
	// routing
	(*flagon.App).Route, (*flagon.App).Get, (*flagon.App).Post, (*flagon.App).Put,
	(*flagon.App).Patch, (*flagon.App).Delete, (*flagon.App).AddURLRule,
	(*flagon.App).RedirectRule, (*flagon.App).RedirectRuleFunc,
	flagon.Methods, flagon.Endpoint, flagon.StrictSlashes, flagon.Defaults, flagon.Subdomain,
	flagon.Host, flagon.MergeSlashes, flagon.Alias, flagon.AutomaticOptions,
	(*flagon.App).AddConverter, (*flagon.App).URLMap,
	routing.ConverterFactory(nil), (*routing.Map)(nil), (*routing.Rule)(nil),
	(*flagon.View)(nil), (*flagon.App).AddView, flagon.Decorate, flagon.Wraps,
	// the request
	func(c *flagon.Ctx) any {
		return []any{c.Request, c.Request.Header, c.Request.Method, c.Request.URL.Path, c.Request.URL, c.Request.RemoteAddr}
	},
	(*flagon.Ctx).Args, flagon.Values.Get, flagon.Values.IntOr, (*flagon.Ctx).Form, (*flagon.Ctx).FormValue,
	(*flagon.Ctx).File, (*flagon.Ctx).Files, (*flagon.FileStorage).Save,
	(*flagon.Ctx).BindJSON, (*flagon.Ctx).BindJSONForce, flagon.BindJSON[map[string]any], (*flagon.Ctx).Body, (*flagon.Ctx).Cookie,
	(*flagon.Ctx).Params, (*flagon.Ctx).Param, (*flagon.Ctx).ParamInt, (*flagon.Ctx).ParamValue,
	(*flagon.Ctx).Endpoint, (*flagon.Ctx).Blueprint, (*flagon.Ctx).Rule,
	(*flagon.Ctx).Session, (*session.Session).Get, (*session.Session).Set, (*session.Session).GetInt,
	(*session.Session).GetString, (*session.Session).Pop, (*session.Session).Clear, (*session.Session).SetPermanent,
	(*flagon.Ctx).G, flagon.NewKey[string], (*flagon.Ctx).App,
	// responses
	(*flagon.Ctx).URLFor, (*flagon.App).URLFor, (*flagon.Ctx).Redirect, flagon.Abort,
	(*flagon.HTTPError)(nil), flagon.NewHTTPError, flagon.ErrNoException,
	(*flagon.Ctx).Render, (*flagon.App).RenderTemplate, (*flagon.Ctx).RenderFirst,
	(*flagon.Ctx).RenderString, (*flagon.App).RenderTemplateString, (*flagon.Ctx).RenderStream,
	(*flagon.Ctx).CallMacro, (*flagon.App).CallMacro,
	(*flagon.Ctx).Flash, (*flagon.Ctx).FlashMarkup, (*flagon.Ctx).FlashedMessages,
	(*flagon.Ctx).JSON, func(a *flagon.App) any { return a.JSON },
	flagon.StdJSON{UTF8: true, SortKeys: true, Compact: nil, Mimetype: ""}, (*flagon.JSONProvider)(nil),
	(*flagon.Ctx).SendFile, (*flagon.Ctx).SendFileWith, flagon.SendFileOptions{}, (*flagon.Ctx).SendReader,
	(*flagon.Ctx).SendFromDirectory, (*flagon.Ctx).SendFS, flagon.SafeJoin, flagon.SecureFilename,
	(*flagon.Ctx).Status, (*flagon.Ctx).Header, (*flagon.Ctx).Text, (*flagon.Ctx).HTML, (*flagon.Ctx).Bytes,
	(*flagon.Ctx).SetCookie, (*flagon.Ctx).Stream, (*flagon.Ctx).ResponseWriter,
	// hooks and handlers
	(*flagon.App).BeforeRequest, (*flagon.Blueprint).BeforeAppRequest,
	(*flagon.App).AfterRequest, (*flagon.App).AfterRequestResponse,
	(*flagon.Blueprint).AfterAppRequest, (*flagon.Blueprint).AfterAppRequestResponse,
	(*flagon.Ctx).AfterThisRequest, (*flagon.App).TeardownRequest, (*flagon.Blueprint).TeardownAppRequest,
	flagon.AppContextTearingDown,
	(*flagon.App).ErrorHandler, flagon.HandleError[*flagon.HTTPError], (*flagon.Blueprint).AppErrorHandler,
	flagon.HandleAppError[*flagon.HTTPError], (*flagon.App).OnURLBuildError,
	(*flagon.App).URLDefaults, (*flagon.App).URLValuePreprocessor,
	(*flagon.Blueprint).AppURLDefaults, (*flagon.Blueprint).AppURLValuePreprocessor,
	(*flagon.App).ContextProcessor, (*flagon.Blueprint).ContextProcessor, (*flagon.Blueprint).AppContextProcessor,
	(*flagon.App).TemplateFunc, (*flagon.Blueprint).AppTemplateFunc, (*flagon.App).TemplateRequestFunc,
	flagon.RequestStarted, flagon.GotRequestException, flagon.TemplateRendered,
	// configuration, serving, CLI
	func(a *flagon.App) any { return []any{a.Config, a.Logger} },
	(*config.Config).FromStruct, (*config.Config).FromFile, (*config.Config).FromEnvVar,
	(*config.Config).FromEnv, (*config.Config).FromMap,
	(*flagon.App).Debug, (*flagon.App).Testing, (*flagon.App).SecretKeys,
	(*flagon.App).Run, (*flagon.App).ListenAndServe,
	(*flagon.App).Command, (*flagon.Blueprint).Command, cli.Main, cli.App,
	(*flagon.App).Use, (*flagon.App).Mount, flagon.ProxyFix, flagon.ProxyFixOptions{For: 1, Proto: 1, Host: 1, Prefix: 1},
	// testing and extensions
	flagontest.NewClient, (*flagontest.Client).Get, (*flagontest.Client).Post, (*flagontest.Client).Open,
	flagontest.FollowRedirects, (*flagontest.Client).SessionTransaction, flagontest.RunCLI,
	security.GeneratePasswordHash, security.CheckPasswordHash, sign.NewSerializer,
	csrf.New, csrf.Token,
}

// tableName matches the qualified names of the table's flagon column:
// "c.Render", "flagon.New", "(*flagontest.Client).SessionTransaction".
var tableName = regexp.MustCompile(`\b(c|app|bp|flagon|flagontest|routing|security|sign|csrf|cli|config|Config|FileStorage|Client)\)?\.([A-Z]\w*)`)

// TestFlaskTableNamesAreReferenced checks that every flagon name of the
// table in docs/web.md is referred to by flaskTable above, so that the
// compiler checks it.
func TestFlaskTableNamesAreReferenced(t *testing.T) {
	doc, err := os.ReadFile("docs/web.md")
	if err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile("flask_table_test.go")
	if err != nil {
		t.Fatal(err)
	}
	_, table, ok := strings.Cut(string(doc), "## Flask to flagon")
	if !ok {
		t.Fatal(`docs/web.md has no "## Flask to flagon" section`)
	}
	table, _, _ = strings.Cut(table, "\n## ")
	rows := 0
	for _, line := range strings.Split(table, "\n") {
		cols := strings.Split(line, " | ")
		if !strings.HasPrefix(line, "| `") || len(cols) < 2 {
			continue
		}
		rows++
		for _, m := range tableName.FindAllStringSubmatch(cols[len(cols)-1], -1) {
			if !strings.Contains(string(src), "."+m[2]) {
				t.Errorf("the table names %s.%s, which flaskTable does not refer to", m[1], m[2])
			}
		}
	}
	if rows < 60 {
		t.Errorf("the table has %d rows; expected the full list", rows)
	}
	if len(flaskTable) == 0 {
		t.Error("flaskTable is empty")
	}
}
