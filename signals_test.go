package flagon_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/flagontest"
)

func TestSignalsFireInOrder(t *testing.T) {
	app := quietApp()
	other := flagon.New()
	var events []string
	record := func(name string) func() {
		return flagon.RequestStarted.ConnectFor(other, func(any, *flagon.Ctx) { events = append(events, "wrong sender") })
	}
	defer record("")()
	on := func(name string) func(any, *flagon.Ctx) {
		return func(any, *flagon.Ctx) { events = append(events, name) }
	}
	onErr := func(name string) func(any, flagon.ErrorEvent) {
		return func(_ any, ev flagon.ErrorEvent) {
			if ev.Err != nil {
				name += "(" + ev.Err.Error() + ")"
			}
			events = append(events, name)
		}
	}
	disconnects := []func(){
		flagon.AppContextPushed.ConnectFor(app, on("appcontext_pushed")),
		flagon.RequestStarted.ConnectFor(app, on("request_started")),
		flagon.GotRequestException.ConnectFor(app, onErr("got_request_exception")),
		flagon.RequestFinished.ConnectFor(app, on("request_finished")),
		flagon.RequestTearingDown.ConnectFor(app, onErr("request_tearing_down")),
		flagon.AppContextTearingDown.ConnectFor(app, onErr("appcontext_tearing_down")),
		flagon.AppContextPopped.ConnectFor(app, on("appcontext_popped")),
	}
	defer func() {
		for _, d := range disconnects {
			d()
		}
	}()
	app.Get("/", func(c *flagon.Ctx) error { events = append(events, "view"); return c.Text("ok") })
	app.Get("/fail", func(c *flagon.Ctx) error { return errors.New("bad") })
	tests := []struct{ path, want string }{
		{"/", "appcontext_pushed request_started view request_finished request_tearing_down appcontext_tearing_down appcontext_popped"},
		{"/fail", "appcontext_pushed request_started got_request_exception(bad) request_finished request_tearing_down(bad) appcontext_tearing_down(bad) appcontext_popped"},
	}
	cl := flagontest.NewClient(t, app)
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			events = nil
			cl.Get(tt.path)
			if got := strings.Join(events, " "); got != tt.want {
				t.Fatalf("\n got %s\nwant %s", got, tt.want)
			}
		})
	}
}
