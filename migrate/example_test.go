package migrate_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/flagon-go/flagon/migrate"
	"github.com/flagon-go/flagon/migrate/internal/tutorial/versions"
	"github.com/flagon-go/flagon/orm"
)

func ExampleUpgradeOnStart() {
	dir, _ := os.MkdirTemp("", "flagon-example")
	defer os.RemoveAll(dir)
	db, err := orm.Open("sqlite:///" + filepath.Join(dir, "app.db"))
	if err != nil {
		panic(err)
	}
	defer db.Close()
	var log strings.Builder
	err = migrate.UpgradeOnStart(context.Background(), db, versions.All(), migrate.StartOptions{Log: &log})
	fmt.Println(err)
	for _, l := range strings.Split(strings.TrimSpace(log.String()), "\n") {
		fmt.Println(l[:strings.LastIndex(l, " (")]) // drop the duration
	}
	// Output:
	// <nil>
	// Running upgrade  -> db531a47e319, initial migration
	// Running upgrade db531a47e319 -> 8825e31503db, add price column
}

func ExampleCompileSQL() {
	ops := []migrate.Operation{
		&migrate.CreateTable{Table: migrate.Table{Name: "product", Columns: []migrate.Column{
			{Name: "id", Type: migrate.Integer(), Autoincrement: true},
			{Name: "name", Type: migrate.String(100)},
		}, PrimaryKey: []string{"id"}}},
		&migrate.AddColumn{Table: "product", Column: migrate.Column{Name: "price", Type: migrate.Integer(), Nullable: true}},
	}
	stmts, err := migrate.CompileSQL(context.Background(), migrate.PostgreSQL, nil, ops)
	fmt.Println(err)
	for _, s := range stmts {
		fmt.Println(s)
	}
	// Output:
	// <nil>
	// CREATE TABLE "product" ("id" serial NOT NULL, "name" character varying(100) NOT NULL, PRIMARY KEY ("id"))
	// ALTER TABLE "product" ADD COLUMN "price" integer NULL
}

func ExampleOp_Tag() {
	rev := &migrate.Revision{ID: "3c2a", Upgrade: func(op *migrate.Op) error {
		if op.Tag() == "demo" {
			op.BulkInsert("product", []map[string]any{{"name": "Demo chair"}})
		}
		return nil
	}}
	for _, tag := range []string{"", "demo"} {
		ops, _ := rev.RecordFor(migrate.OpContext{Dialect: migrate.SQLite, Tag: tag}, true)
		fmt.Printf("tag %q: %d operation(s)\n", tag, len(ops))
	}
	// Output:
	// tag "": 0 operation(s)
	// tag "demo": 1 operation(s)
}

func ExampleRevision_RecordFor() {
	rev := &migrate.Revision{ID: "5f1c", UpgradeBinds: map[string]func(*migrate.Op) error{
		"": func(op *migrate.Op) error {
			op.AddColumn("product", migrate.Column{Name: "price", Type: migrate.Integer(), Nullable: true})
			return nil
		},
		"users": func(op *migrate.Op) error { op.DropColumn("account", "nickname"); return nil },
	}}
	for _, bind := range []string{"", "users", "audit"} {
		ops, _ := rev.RecordFor(migrate.OpContext{Dialect: migrate.PostgreSQL, Bind: bind}, true)
		for _, o := range ops {
			fmt.Printf("%q: %s\n", bind, o.Describe())
		}
	}
	// Output:
	// "": add column product.price
	// "users": drop column account.nickname
}
