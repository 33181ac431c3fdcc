// Command flaskr is Flask's tutorial app, Flaskr, written with flagon and
// rendered by its Jinja engine: users register and log in, and write,
// edit and delete blog posts. Its views give the templates exactly the
// values and endpoints Flask's Flaskr does, so Flask's own Flaskr
// templates render unchanged in its templates folder.
//
//	go run ./examples/flaskr run     # http://127.0.0.1:5000, SQLite in ./instance
package main

import "github.com/flagon-go/flagon/cli"

func main() {
	cli.Main(newApp)
}
