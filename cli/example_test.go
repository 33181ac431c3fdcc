package cli_test

import (
	"fmt"
	"os"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/cli"
	"github.com/spf13/cobra"
)

// A program's main function hands its app factory to cli.Main; the
// factory runs after the dotenv files are loaded and the global flags are
// read.
func Example() {
	createApp := func() (*flagon.App, error) {
		app := flagon.New()
		app.Config.FromEnv("FLAGON")
		app.Get("/", func(c *flagon.Ctx) error { return c.Text("hello") })
		app.Command(&cobra.Command{
			Use:   "seed",
			Short: "Fill the database with sample data.",
			RunE: func(cmd *cobra.Command, _ []string) error {
				fmt.Fprintln(cmd.OutOrStdout(), "seeded", cli.App(cmd).Name())
				return nil
			},
		})
		return app, nil
	}
	if len(os.Args) > 1 && os.Args[1] == "example" {
		cli.Main(createApp) // `prog run --debug`, `prog routes`, `prog seed`
	}
}

func ExampleWriteRoutes() {
	app := flagon.New()
	noop := func(c *flagon.Ctx) error { return nil }
	app.Get("/abc", noop, flagon.Endpoint("list"))
	app.Post("/xyz", noop, flagon.Endpoint("create"))
	cli.WriteRoutes(os.Stdout, app.URLMap().Rules(), "endpoint", false)
	// Output:
	// Endpoint  Methods  Rule
	// --------  -------  ----
	// create    POST     /xyz
	// list      GET      /abc
}
