package rawdb

import (
	"context"
	"database/sql"
	"fmt"
	"slices"

	"github.com/flagon-go/flagon/bench/internal/tfb"
)

// A World is one row of the world table, in the JSON shape of the benchmark.
type World struct {
	ID           int `json:"id"`
	RandomNumber int `json:"randomNumber"`
}

// A Fortune is one row of the fortune table.
type Fortune struct {
	ID      int
	Message string
}

// A Store runs the benchmark's queries through prepared statements.
type Store struct {
	db                      *sql.DB
	world, update, fortunes *sql.Stmt
}

// queries are the statements per driver, in the order world, update,
// fortunes.
var queries = map[string][3]string{
	"pgx":    {"SELECT id, randomnumber FROM world WHERE id = $1", "UPDATE world SET randomnumber = $1 WHERE id = $2", "SELECT id, message FROM fortune"},
	"sqlite": {"SELECT id, randomnumber FROM world WHERE id = ?", "UPDATE world SET randomnumber = ? WHERE id = ?", "SELECT id, message FROM fortune"},
}

// Open opens a pool of at most pool connections for a SQLAlchemy-style
// URL and prepares the statements.
func Open(ctx context.Context, url string, pool int) (*Store, error) {
	driver, dsn, err := tfb.DriverDSN(url)
	if err != nil {
		return nil, err
	}
	db, err := sql.Open(driver, dsn)
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(pool)
	db.SetMaxIdleConns(pool)
	s := &Store{db: db}
	q := queries[driver]
	for i, dst := range []**sql.Stmt{&s.world, &s.update, &s.fortunes} {
		if *dst, err = db.PrepareContext(ctx, q[i]); err != nil {
			db.Close()
			return nil, fmt.Errorf("rawdb: prepare %q: %w", q[i], err)
		}
	}
	return s, nil
}

// Close closes the pool.
func (s *Store) Close() error { return s.db.Close() }

// World reads the world row id.
func (s *Store) World(ctx context.Context, id int) (World, error) {
	var w World
	err := s.world.QueryRowContext(ctx, id).Scan(&w.ID, &w.RandomNumber)
	return w, err
}

// RandomWorlds reads n random world rows, one query per row.
func (s *Store) RandomWorlds(ctx context.Context, n int) ([]World, error) {
	out := make([]World, n)
	for i := range out {
		w, err := s.World(ctx, tfb.RandomID())
		if err != nil {
			return nil, err
		}
		out[i] = w
	}
	return out, nil
}

// UpdateWorlds gives each row a new random number and writes the rows
// in one transaction, one statement per row, in id order so that
// concurrent requests lock rows in the same order.
func (s *Store) UpdateWorlds(ctx context.Context, worlds []World) error {
	order := make([]int, len(worlds))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return worlds[a].ID - worlds[b].ID })
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	update := tx.StmtContext(ctx, s.update)
	for _, i := range order {
		worlds[i].RandomNumber = tfb.RandomID()
		if _, err := update.ExecContext(ctx, worlds[i].RandomNumber, worlds[i].ID); err != nil {
			return err
		}
	}
	return tx.Commit()
}

// Fortunes reads every fortune row.
func (s *Store) Fortunes(ctx context.Context) ([]Fortune, error) {
	rows, err := s.fortunes.QueryContext(ctx)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := make([]Fortune, 0, 16)
	for rows.Next() {
		var f Fortune
		if err := rows.Scan(&f.ID, &f.Message); err != nil {
			return nil, err
		}
		out = append(out, f)
	}
	return out, rows.Err()
}
