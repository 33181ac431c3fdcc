package database

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/orm"
)

// DB is the database extension of an app, Flask-SQLAlchemy's SQLAlchemy
// object: the engines of the default database and of the named binds,
// and the metadata of the models registered on each.
type DB struct {
	app      *flagon.App
	engines  map[string]*orm.DB
	metadata map[string]*orm.MetaData
	record   bool
}

// DefaultURL is the database used when neither the config nor the
// environment names one (see New): a SQLite file in the instance folder.
const DefaultURL = "sqlite:///app.db"

// New opens the app's databases from its config:
//
//   - DATABASE_URL, or SQLALCHEMY_DATABASE_URI, for the default database;
//     when the config has neither, the environment's FLAGON_DATABASE_URL,
//     FLAGON_SQLALCHEMY_DATABASE_URI, DATABASE_URL or
//     SQLALCHEMY_DATABASE_URI (see URLSources), else DefaultURL. Relative
//     SQLite paths are in the app's instance folder, which is created, as
//     in Flask-SQLAlchemy 3.
//   - SQLALCHEMY_BINDS: bind name to URL (or to a map with "url" and engine
//     options), for models registered with RegisterBind.
//   - SQLALCHEMY_ENGINE_OPTIONS: pool_size, max_overflow, pool_recycle
//     (seconds), pool_pre_ping.
//   - SQLALCHEMY_ECHO logs every statement through the app's logger;
//     SQLALCHEMY_RECORD_QUERIES (on in debug mode by default) keeps each
//     request's statements for RecordedQueries and the debug page.
func New(app *flagon.App) (*DB, error) {
	d := &DB{app: app, engines: map[string]*orm.DB{}, metadata: map[string]*orm.MetaData{}}
	d.record = app.Config.BoolOr("SQLALCHEMY_RECORD_QUERIES", app.Debug())
	urls, err := d.bindURLs()
	if err != nil {
		return nil, err
	}
	for _, bind := range sortedKeys(urls) {
		if err := d.open(bind, urls[bind]); err != nil {
			d.Close()
			return nil, err
		}
	}
	d.installRecorder(app)
	d.installDebugPanels(app)
	app.TeardownRequest(d.closeSessions)
	app.BeforeServe(d.logDatabases)
	return d, nil
}

// bindURLs returns the URL and options of each bind, "" being the
// default database.
func (d *DB) bindURLs() (map[string]bindConfig, error) {
	cfg := d.app.Config
	url := configURL(cfg)
	base, err := cfg.Map("SQLALCHEMY_ENGINE_OPTIONS")
	if err != nil {
		return nil, err
	}
	out := map[string]bindConfig{"": {url: url, options: base}}
	binds, err := cfg.Map("SQLALCHEMY_BINDS")
	if err != nil {
		return nil, err
	}
	for name, v := range binds {
		bc, err := parseBind(name, v, base)
		if err != nil {
			return nil, err
		}
		out[name] = bc
	}
	return out, nil
}

// open opens the engine of one bind.
func (d *DB) open(bind string, bc bindConfig) error {
	url, err := d.resolveSQLite(bc.url)
	if err != nil {
		return err
	}
	opts, err := engineOptions(bc.options)
	if err != nil {
		return fmt.Errorf("database: bind %q: %w", bindLabel(bind), err)
	}
	if d.app.Config.BoolOr("SQLALCHEMY_ECHO", false) {
		opts = append(opts, orm.Echo(echoLogger(d.app)))
	}
	eng, err := orm.Open(url, opts...)
	if err != nil {
		return fmt.Errorf("database: bind %q: %w", bindLabel(bind), err)
	}
	d.engines[bind] = eng
	d.metadata[bind] = orm.NewMetaData()
	return nil
}

// resolveSQLite puts relative SQLite files in the instance folder,
// creating it.
func (d *DB) resolveSQLite(raw string) (string, error) {
	u, err := orm.ParseURL(raw)
	if err != nil {
		return "", err
	}
	if u.Dialect != "sqlite" || u.IsMemory() || filepath.IsAbs(u.Database) || u.Database == "" {
		return raw, nil
	}
	if err := os.MkdirAll(d.app.InstancePath, 0o755); err != nil {
		return "", fmt.Errorf("database: creating the instance folder: %w", err)
	}
	path := filepath.Join(d.app.InstancePath, u.Database)
	prefix, _, _ := strings.Cut(raw, "://")
	rest := ""
	if i := strings.IndexByte(raw, '?'); i >= 0 {
		rest = raw[i:]
	}
	return prefix + ":///" + path + rest, nil
}

// Engine returns the engine of the default database, or of the named
// bind.
func (d *DB) Engine(bind ...string) *orm.DB {
	return d.engines[bindName(bind)]
}

// MetaData returns the metadata of the default database, or of the named
// bind.
func (d *DB) MetaData(bind ...string) *orm.MetaData {
	return d.metadata[bindName(bind)]
}

// Binds returns the bind names, "" (the default database) first.
func (d *DB) Binds() []string { return sortedKeys(d.engines) }

// Register adds models to the default database's metadata.
func (d *DB) Register(models ...any) error { return d.MetaData().Register(models...) }

// RegisterBind adds models to the metadata of a bind from
// SQLALCHEMY_BINDS, Flask-SQLAlchemy's __bind_key__.
func (d *DB) RegisterBind(bind string, models ...any) error {
	md, ok := d.metadata[bind]
	if !ok {
		return fmt.Errorf("database: no bind %q in SQLALCHEMY_BINDS", bind)
	}
	return md.Register(models...)
}

// CreateAll creates the missing tables of every bind (or of the given
// binds), db.create_all().
func (d *DB) CreateAll(ctx context.Context, binds ...string) error {
	return d.eachBind(binds, func(b string) error { return d.metadata[b].CreateAll(ctx, d.engines[b]) })
}

// DropAll drops the tables of every bind (or of the given binds).
func (d *DB) DropAll(ctx context.Context, binds ...string) error {
	return d.eachBind(binds, func(b string) error { return d.metadata[b].DropAll(ctx, d.engines[b]) })
}

func (d *DB) eachBind(binds []string, fn func(string) error) error {
	if len(binds) == 0 {
		binds = d.Binds()
	}
	for _, b := range binds {
		if _, ok := d.engines[b]; !ok {
			return fmt.Errorf("database: no bind %q", b)
		}
		if err := fn(b); err != nil {
			return fmt.Errorf("database: bind %q: %w", bindLabel(b), err)
		}
	}
	return nil
}

// Close closes every engine.
func (d *DB) Close() error {
	var errs []error
	for _, e := range d.engines {
		errs = append(errs, e.Close())
	}
	return errors.Join(errs...)
}

func bindName(bind []string) string {
	if len(bind) == 0 {
		return ""
	}
	return bind[0]
}

func bindLabel(b string) string {
	if b == "" {
		return "default"
	}
	return b
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
