package signals_test

import (
	"fmt"

	"github.com/flagon-go/flagon/signals"
)

type App struct{ Name string }

// MessageFlashed is the payload of a message_flashed-like signal.
type MessageFlashed struct{ Message, Category string }

func ExampleSignal() {
	flashed := signals.New[MessageFlashed]("message-flashed")
	shop, blog := &App{"shop"}, &App{"blog"}

	disconnect := flashed.Connect(func(sender any, e MessageFlashed) {
		fmt.Println("any app:", sender.(*App).Name, e.Message)
	})
	flashed.ConnectFor(shop, func(_ any, e MessageFlashed) {
		fmt.Println("shop only:", e.Category)
	})

	flashed.Send(shop, MessageFlashed{"Product created", "message"})
	flashed.Send(blog, MessageFlashed{"Post saved", "info"})
	disconnect()
	flashed.Send(blog, MessageFlashed{"unheard", "info"})
	// Output:
	// any app: shop Product created
	// shop only: message
	// any app: blog Post saved
}

func ExampleSignal_HasReceivers() {
	started := signals.New[string]("request-started")
	if started.HasReceivers() {
		fmt.Println("building an expensive payload")
	}
	fmt.Println(started.HasReceivers())
	// Output: false
}

func ExampleIdle() {
	finished := signals.New[string]("request-finished")
	send := func(path string) {
		if !signals.Idle() { // one inlined load, however many signals follow
			finished.Send(nil, path)
		}
	}
	disconnect := finished.Connect(func(_ any, path string) { fmt.Println("finished", path) })
	send("/a")
	disconnect()
	send("/b")
	// Output:
	// finished /a
}
