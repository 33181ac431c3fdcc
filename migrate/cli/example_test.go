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
	// Please import the package in 'migrations/versions' and pass versions.All to the db commands (Config.Revisions) before proceeding.
	// <nil>
}
