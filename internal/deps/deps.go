// Package deps pins the project's chosen dependencies in go.mod while the
// packages that use them are being written. It is removed once every
// dependency has a real importer.
package deps

import (
	_ "ariga.io/atlas/sql/mysql"
	_ "ariga.io/atlas/sql/postgres"
	_ "ariga.io/atlas/sql/schema"
	_ "ariga.io/atlas/sql/sqlite"
	_ "github.com/fsnotify/fsnotify"
	_ "github.com/go-sql-driver/mysql"
	_ "github.com/jackc/pgx/v5/stdlib"
	_ "github.com/joho/godotenv"
	_ "github.com/spf13/cobra"
	_ "modernc.org/sqlite"
)
