// Command inventory is the app of the seed tutorial ("How to use
// Flask-Migrate with Flask-SQLAlchemy") written with flagon: products with
// a name and a price, HTML pages with forms and flashed messages, a JSON
// API, and migrations applied at start-up.
//
//	go run ./examples/inventory run        # http://127.0.0.1:5000, SQLite in ./instance
//	go run ./examples/inventory routes
//	cd examples/inventory && go run . db migrate -m "add a column"
package main

import "github.com/flagon-go/flagon/cli"

func main() {
	cli.Main(newApp)
}
