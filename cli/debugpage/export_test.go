package debugpage

import (
	"context"
	"time"
)

// SetSleep replaces the wait after a failed PIN, so that tests record the
// delays instead of waiting.
func SetSleep(d *Debugger, sleep func(context.Context, time.Duration)) { d.sleep = sleep }
