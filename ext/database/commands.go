package database

import (
	"fmt"
	"os"
	"os/exec"
	"strconv"

	"github.com/flagon-go/flagon/internal/usage"
	"github.com/flagon-go/flagon/orm"
	"github.com/spf13/cobra"
)

// Commands returns the database commands: create-all, drop-all and shell.
// The migration extension adds them to its "db" group; without it, give
// CommandGroup to app.Command.
func (d *DB) Commands() []*cobra.Command {
	return []*cobra.Command{d.createAllCmd(), d.dropAllCmd(), d.shellCmd()}
}

// CommandGroup returns a "db" command group holding Commands.
func (d *DB) CommandGroup() *cobra.Command {
	g := &cobra.Command{Use: "db", Short: "Manage the database.", SilenceUsage: true, SilenceErrors: true}
	g.AddCommand(d.Commands()...)
	usage.Apply(g)
	return g
}

func (d *DB) createAllCmd() *cobra.Command {
	var binds []string
	cmd := &cobra.Command{
		Use:   "create-all",
		Short: "Create the tables of the models that do not exist yet (db.create_all).",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := d.CreateAll(cmd.Context(), binds...); err != nil {
				return err
			}
			fmt.Fprintln(cmd.OutOrStdout(), "Created the missing tables.")
			return nil
		},
	}
	cmd.Flags().StringSliceVar(&binds, "bind", nil, "only these binds (\"\" is the default database)")
	return cmd
}

func (d *DB) dropAllCmd() *cobra.Command {
	var binds []string
	var yes bool
	cmd := &cobra.Command{
		Use:   "drop-all",
		Short: "Drop the tables of the models (db.drop_all); asks for --yes.",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if !yes {
				return fmt.Errorf("drop-all deletes every table of the models and their data: run again with --yes")
			}
			if err := d.DropAll(cmd.Context(), binds...); err != nil {
				return err
			}
			fmt.Fprintln(cmd.OutOrStdout(), "Dropped the tables.")
			return nil
		},
	}
	cmd.Flags().StringSliceVar(&binds, "bind", nil, "only these binds")
	cmd.Flags().BoolVar(&yes, "yes", false, "confirm")
	return cmd
}

func (d *DB) shellCmd() *cobra.Command {
	var bind string
	cmd := &cobra.Command{
		Use:   "shell",
		Short: "Open the database's own client (sqlite3, psql, mysql) with the app's settings.",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			eng, ok := d.engines[bind]
			if !ok {
				return fmt.Errorf("no bind %q", bind)
			}
			c, err := ShellCommand(eng.URL())
			if err != nil {
				return err
			}
			c.Stdin, c.Stdout, c.Stderr = cmd.InOrStdin(), cmd.OutOrStdout(), cmd.ErrOrStderr()
			return c.Run()
		},
	}
	cmd.Flags().StringVar(&bind, "bind", "", "the bind to open")
	return cmd
}

// ShellCommand returns the client command for a database URL: sqlite3 with
// the file, psql with the URL, or mysql with host, port, user and
// database. The password goes through PGPASSWORD or MYSQL_PWD, never the
// argument list.
func ShellCommand(u *orm.URL) (*exec.Cmd, error) {
	switch u.Dialect {
	case "sqlite":
		db := u.Database
		if u.IsMemory() {
			db = ":memory:"
		}
		return exec.Command("sqlite3", db), nil
	case "postgresql":
		return withPassword(exec.Command("psql", postgresURL(u)), "PGPASSWORD", u.Password), nil
	case "mysql":
		return mysqlCommand(u), nil
	}
	return nil, fmt.Errorf("no shell for dialect %q", u.Dialect)
}

func postgresURL(u *orm.URL) string {
	c := *u
	c.Driver, c.Query, c.Password = "", nil, ""
	return c.RenderWithPassword()
}

func mysqlCommand(u *orm.URL) *exec.Cmd {
	args := []string{}
	if u.Host != "" {
		args = append(args, "-h", u.Host)
	}
	if u.Port != 0 {
		args = append(args, "-P", strconv.Itoa(u.Port))
	}
	if u.Username != "" {
		args = append(args, "-u", u.Username)
	}
	args = append(args, u.Database)
	return withPassword(exec.Command("mysql", args...), "MYSQL_PWD", u.Password)
}

// withPassword passes a password to cmd in the environment variable name,
// where other local users cannot read it (they can read the arguments).
func withPassword(cmd *exec.Cmd, name, password string) *exec.Cmd {
	if password != "" {
		cmd.Env = append(os.Environ(), name+"="+password)
	}
	return cmd
}
