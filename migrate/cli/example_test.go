package cli_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/flagon-go/flagon/migrate/cli"
)

func ExampleCommand() {
	dir, _ := os.MkdirTemp("", "flagon")
	defer os.RemoveAll(dir)
	var out strings.Builder
	cmd := cli.Command(cli.Config{URL: "sqlite:///" + filepath.Join(dir, "app.db"), Out: &out})
	cmd.SetArgs([]string{"init", "-d", filepath.Join(dir, "migrations")})
	err := cmd.Execute()
	fmt.Print(strings.ReplaceAll(out.String(), dir+string(filepath.Separator), ""), err)
	// Output:
	// Creating directory migrations ...  done
	// Creating directory migrations/versions ...  done
	// Generating migrations/versions/revisions.go ...  done
	// Generating migrations/README ...  done
	// Please import the package in 'migrations/versions' and pass versions.All to migration.New (ext/migration) or as cli.Config.Revisions (migrate/cli), then rebuild, before proceeding.
	// <nil>
}

func ExampleCommand_multidb() {
	dir, _ := os.MkdirTemp("", "flagon")
	defer os.RemoveAll(dir)
	var out strings.Builder
	cmd := cli.Command(cli.Config{
		URL:   "sqlite:///" + filepath.Join(dir, "app.db"),
		Binds: []cli.Bind{{Name: "users", URL: "sqlite:///" + filepath.Join(dir, "users.db")}},
		Out:   &out,
	})
	cmd.SetArgs([]string{"init", "--multidb", "-d", filepath.Join(dir, "migrations")})
	err := cmd.Execute()
	for _, l := range strings.Split(out.String(), "\n") {
		if strings.HasPrefix(l, "Generating") {
			fmt.Println(strings.ReplaceAll(l, dir+string(filepath.Separator), ""))
		}
	}
	fmt.Println(err)
	// Output:
	// Generating migrations/versions/revisions.go ...  done
	// Generating migrations/README ...  done
	// Generating migrations/multidb.txt ...  done
	// <nil>
}
