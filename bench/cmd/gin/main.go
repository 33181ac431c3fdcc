// Command gin serves the TechEmpower test types with the Gin framework and
// the same hand-written data access as the raw net/http server.
//
//	gin -addr 127.0.0.1:8080 -db postgresql://postgres@127.0.0.1:5432/flagon_bench
package main

import (
	"context"
	"flag"
	"log"
	"net/http"

	"github.com/flagon-go/flagon/bench/internal/rawdb"
	"github.com/flagon-go/flagon/bench/internal/tfb"
	"github.com/gin-gonic/gin"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "listen address")
	dbURL := flag.String("db", "", "database URL (postgresql://... or sqlite:///...); empty serves only /json and /plaintext")
	pool := flag.Int("pool", 16, "maximum database connections")
	flag.Parse()
	var store *rawdb.Store
	if *dbURL != "" {
		var err error
		if store, err = rawdb.Open(context.Background(), *dbURL, *pool); err != nil {
			log.Fatal(err)
		}
	}
	gin.SetMode(gin.ReleaseMode)
	log.Fatal(newEngine(store).Run(*addr))
}

// newEngine registers the test types; gin.New has no logger middleware,
// as a production Gin app behind its own access log would.
func newEngine(store *rawdb.Store) *gin.Engine {
	r := gin.New()
	r.Use(func(c *gin.Context) { c.Header("Server", "gin") })
	r.GET("/json", func(c *gin.Context) { c.JSON(http.StatusOK, gin.H{"message": tfb.HelloWorld}) })
	r.GET("/plaintext", func(c *gin.Context) { c.String(http.StatusOK, tfb.HelloWorld) })
	r.GET("/db", func(c *gin.Context) {
		w, err := store.World(c.Request.Context(), tfb.RandomID())
		respond(c, w, err)
	})
	r.GET("/queries", func(c *gin.Context) {
		ws, err := store.RandomWorlds(c.Request.Context(), tfb.QueryCount(c.Query("queries")))
		respond(c, ws, err)
	})
	r.GET("/updates", func(c *gin.Context) {
		ws, err := store.RandomWorlds(c.Request.Context(), tfb.QueryCount(c.Query("queries")))
		if err == nil {
			err = store.UpdateWorlds(c.Request.Context(), ws)
		}
		respond(c, ws, err)
	})
	r.SetHTMLTemplate(rawdb.Page)
	r.GET("/fortunes", func(c *gin.Context) {
		fs, err := store.Fortunes(c.Request.Context())
		if err != nil {
			c.String(http.StatusInternalServerError, err.Error())
			return
		}
		c.HTML(http.StatusOK, "fortunes", rawdb.AddAndSort(fs))
	})
	return r
}

// respond writes v as JSON, or the error as a 500.
func respond(c *gin.Context, v any, err error) {
	if err != nil {
		c.String(http.StatusInternalServerError, err.Error())
		return
	}
	c.JSON(http.StatusOK, v)
}
