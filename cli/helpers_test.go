package cli_test

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/cli"
	"github.com/spf13/cobra"
)

// newApp is the factory of the tests: a small app with routes, a
// blueprint, and commands on both.
func newApp() (*flagon.App, error) {
	app := flagon.New(flagon.WithConfig(map[string]any{"SECRET_KEY": "s3cret-value"}))
	app.Config.FromEnv("FLAGON")
	app.Get("/", func(c *flagon.Ctx) error { return c.Text("home") }, flagon.Endpoint("index"))
	app.Route("/items/<int:id>", func(c *flagon.Ctx) error { return c.Text("item") },
		flagon.Methods("GET", "POST"), flagon.Endpoint("item"))
	app.Get("/boom", func(c *flagon.Ctx) error { panic("kaboom") }, flagon.Endpoint("boom"))
	bp := flagon.NewBlueprint("admin", "/admin")
	bp.Delete("/users/<name>", func(c *flagon.Ctx) error { return nil }, flagon.Endpoint("delete_user"))
	bp.Command(&cobra.Command{
		Use: "create-admin NAME", Short: "Create an admin.", Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			fmt.Fprintf(cmd.OutOrStdout(), "created admin %s\n", args[0])
			return nil
		},
	})
	app.RegisterBlueprint(bp)
	app.Command(greetCommand())
	app.Command(envCommand())
	app.Command(&cobra.Command{
		Use: "double N", Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			n, err := cli.Arg[int](args, 0, "N")
			if err != nil {
				return err
			}
			fmt.Fprintln(cmd.OutOrStdout(), 2*n)
			return nil
		},
	})
	app.Command(&cobra.Command{
		Use: "fail", Short: "Always fails.",
		RunE: func(*cobra.Command, []string) error { return errors.New("the database is\nunreachable") },
	})
	return app, nil
}

// greetCommand has typed flags and shows the configured app.
func greetCommand() *cobra.Command {
	var times int
	var loud bool
	cmd := &cobra.Command{
		Use: "greet NAME", Short: "Greet someone.", Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			app := cli.App(cmd)
			msg := fmt.Sprintf("hello %s (debug=%v)", args[0], app.Debug())
			if loud {
				msg = strings.ToUpper(msg)
			}
			for range times {
				fmt.Fprintln(cmd.OutOrStdout(), msg)
			}
			return nil
		},
	}
	cmd.Flags().IntVarP(&times, "times", "n", 1, "how many times")
	cmd.Flags().BoolVar(&loud, "loud", false, "shout")
	return cmd
}

// envCommand prints environment variables and config keys.
func envCommand() *cobra.Command {
	return &cobra.Command{
		Use: "show KEY...",
		RunE: func(cmd *cobra.Command, args []string) error {
			app := cli.App(cmd)
			for _, k := range args {
				v, _ := app.Config.Get(k)
				fmt.Fprintf(cmd.OutOrStdout(), "%s env=%q config=%v\n", k, os.Getenv("FLAGON_"+k), v)
			}
			return nil
		},
	}
}
