package main

import (
	"io/fs"
	"math/rand/v2"
	"slices"
	"strings"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/orm"
)

// newApp registers the test types.
func newApp(db *orm.DB, templates fs.FS) *flagon.App {
	app := flagon.New(flagon.WithTemplateFS(templates))
	app.AfterRequest(func(c *flagon.Ctx) error {
		c.Header().Set("Server", "flagon")
		return nil
	})
	v := &views{db: db}
	app.Get("/json", v.json)
	app.Get("/plaintext", v.plaintext)
	app.Get("/db", v.single)
	app.Get("/queries", v.queries)
	app.Get("/updates", v.updates)
	app.Get("/fortunes", v.fortunes)
	return app
}

// newJinjaApp is newApp with its templates (templates in the jinja
// folder) rendered by the Jinja engine.
func newJinjaApp(db *orm.DB, templates fs.FS) *flagon.App {
	app := newApp(db, templates)
	app.UseJinja()
	return app
}

// views hold the database the views query.
type views struct{ db *orm.DB }

// message is the /json response object.
type message struct {
	Message string `json:"message"`
}

func (v *views) json(c *flagon.Ctx) error {
	return c.JSON(message{Message: "Hello, World!"})
}

func (v *views) plaintext(c *flagon.Ctx) error {
	return c.Text("Hello, World!")
}

func (v *views) single(c *flagon.Ctx) error {
	w, err := orm.Get[World](c.Context(), v.db, randomID())
	if err != nil {
		return err
	}
	return c.JSON(w)
}

func (v *views) queries(c *flagon.Ctx) error {
	worlds, err := v.randomWorlds(c)
	if err != nil {
		return err
	}
	return c.JSON(worlds)
}

func (v *views) updates(c *flagon.Ctx) error {
	worlds, err := v.randomWorlds(c)
	if err != nil {
		return err
	}
	// One transaction, rows written in id order so that concurrent
	// requests lock them in the same order.
	byID := slices.SortedFunc(slices.Values(worlds), func(a, b *World) int { return a.ID - b.ID })
	err = v.db.Transaction(c.Context(), func(tx *orm.Tx) error {
		for _, w := range byID {
			w.RandomNumber = randomID()
			if err := orm.Save(c.Context(), tx, w); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	return c.JSON(worlds)
}

func (v *views) fortunes(c *flagon.Ctx) error {
	fortunes, err := orm.Select[Fortune](v.db).All(c.Context())
	if err != nil {
		return err
	}
	fortunes = append(fortunes, &Fortune{Message: "Additional fortune added at request time."})
	slices.SortFunc(fortunes, func(a, b *Fortune) int { return strings.Compare(a.Message, b.Message) })
	return renderFortunes(c, fortunes)
}

// randomWorlds reads ?queries= random rows (1..500), one query each.
func (v *views) randomWorlds(c *flagon.Ctx) ([]*World, error) {
	n := min(max(c.Args().IntOr("queries", 1), 1), 500)
	worlds := make([]*World, n)
	for i := range worlds {
		w, err := orm.Get[World](c.Context(), v.db, randomID())
		if err != nil {
			return nil, err
		}
		worlds[i] = w
	}
	return worlds, nil
}

// randomID returns a world id in 1..10000.
func randomID() int { return rand.IntN(10000) + 1 }

// renderFortunes renders the page: the rows are the data of the
// html/template page, and the "fortunes" variable of the Jinja one.
func renderFortunes(c *flagon.Ctx, fortunes []*Fortune) error {
	if c.App().JinjaEnvironment() != nil {
		return c.Render("fortunes.html", map[string]any{"fortunes": fortunes})
	}
	return c.Render("fortunes.html", fortunes)
}
