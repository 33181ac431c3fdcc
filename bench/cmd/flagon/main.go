// Command flagon serves the TechEmpower test types the way a flagon user
// would write them: flagon's routing and responses, the ORM for every
// query, and a template that extends a base layout.
//
//	flagon -addr 127.0.0.1:8080 -db postgresql://postgres@127.0.0.1:5432/flagon_bench
package main

import (
	"embed"
	"flag"
	"io/fs"
	"log"
	"net/http"
	_ "net/http/pprof" // profiles on -pprof
	"time"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/orm"
)

//go:embed templates
var templates embed.FS

// jinjaTemplates are the same pages in Jinja, for -jinja.
//
//go:embed jinja
var jinjaTemplates embed.FS

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "listen address")
	dbURL := flag.String("db", "", "database URL (postgresql://... or sqlite:///...); empty serves only /json and /plaintext")
	pool := flag.Int("pool", 16, "maximum database connections")
	pprofAddr := flag.String("pprof", "", "serve net/http/pprof on this address")
	useJinja := flag.Bool("jinja", false, "render /fortunes with the Jinja engine (the flagon-jinja row)")
	flag.Parse()
	var db *orm.DB
	if *dbURL != "" {
		var err error
		db, err = orm.Open(*dbURL, orm.MaxOpenConns(*pool), orm.MaxIdleConns(*pool), orm.ConnMaxLifetime(time.Hour))
		if err != nil {
			log.Fatal(err)
		}
	}
	if *pprofAddr != "" {
		go func() { log.Println(http.ListenAndServe(*pprofAddr, nil)) }()
	}
	var app *flagon.App
	if *useJinja {
		tmpl, _ := fs.Sub(jinjaTemplates, "jinja")
		app = newJinjaApp(db, tmpl)
	} else {
		tmpl, _ := fs.Sub(templates, "templates")
		app = newApp(db, tmpl)
	}
	log.Fatal(app.Run(*addr))
}
