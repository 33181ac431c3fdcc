package cli

import (
	"context"

	"github.com/flagon-go/flagon"
	"github.com/spf13/cobra"
)

type appKey struct{}

func withApp(ctx context.Context, app *flagon.App) context.Context {
	return context.WithValue(ctx, appKey{}, app)
}

// App returns the configured app a command runs with, Flask's
// current_app inside a command. It is nil outside the command line.
func App(cmd *cobra.Command) *flagon.App {
	ctx := cmd.Context()
	if ctx == nil {
		return nil
	}
	app, _ := ctx.Value(appKey{}).(*flagon.App)
	return app
}
