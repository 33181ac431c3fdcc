package flagon

import "github.com/flagon-go/flagon/signals"

// The app's signals, Flask's (Blinker) signals with typed payloads. The
// sender is always the *App, so receivers can filter by app with
// ConnectFor. Sending costs an atomic load when nobody listens.
var (
	// AppContextPushed is sent when a request's app context starts.
	AppContextPushed = signals.New[*Ctx]("appcontext-pushed")
	// RequestStarted is sent before the request's hooks and handler run.
	RequestStarted = signals.New[*Ctx]("request-started")
	// GotRequestException is sent for an error no handler handled and
	// that became a 5xx, with the error.
	GotRequestException = signals.New[ErrorEvent]("got-request-exception")
	// RequestFinished is sent after the response was completed.
	RequestFinished = signals.New[*Ctx]("request-finished")
	// RequestTearingDown is sent after the teardown functions ran, with
	// the request's error.
	RequestTearingDown = signals.New[ErrorEvent]("request-tearing-down")
	// AppContextTearingDown is sent when the app context ends, with the
	// request's error.
	AppContextTearingDown = signals.New[ErrorEvent]("appcontext-tearing-down")
	// AppContextPopped is sent last, when the app context is gone.
	AppContextPopped = signals.New[*Ctx]("appcontext-popped")
	// MessageFlashed is sent for each flashed message.
	MessageFlashed = signals.New[FlashEvent]("message-flashed")
	// BeforeRenderTemplate is sent before a template renders.
	BeforeRenderTemplate = signals.New[TemplateEvent]("before-render-template")
	// TemplateRendered is sent after a template rendered.
	TemplateRendered = signals.New[TemplateEvent]("template-rendered")
)

// ErrorEvent is the payload of signals that carry the request's error.
type ErrorEvent struct {
	// Ctx is the request.
	Ctx *Ctx
	// Err is the error, or nil.
	Err error
}

// FlashEvent is the payload of MessageFlashed.
type FlashEvent struct {
	// Ctx is the request.
	Ctx *Ctx
	// Message is the flashed message.
	Message string
	// Category is the message's category ("message" by default).
	Category string
}

// TemplateEvent is the payload of the template signals.
type TemplateEvent struct {
	// Ctx is the request, or nil outside requests.
	Ctx *Ctx
	// Name is the template's name ("" for a template string).
	Name string
	// Data is the data the template is rendered with.
	Data any
}
