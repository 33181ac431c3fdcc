package migrate

import (
	"context"
	"database/sql"
	"fmt"
	"hash/fnv"
)

// A session is one dedicated connection holding the run's lock.
type session struct {
	m    *Migrator
	conn *sql.Conn
	// fkOn records SQLite's foreign_keys setting, restored at the end.
	fkOn bool
}

// A stepTx is the transaction of one revision (the bare connection on
// MySQL, whose DDL commits implicitly).
type stepTx interface {
	Querier
	commit() error
	rollback() error
}

// openSession takes a connection and the dialect's lock: an advisory lock
// on PostgreSQL, GET_LOCK on MySQL. SQLite locks per revision instead
// (BEGIN IMMEDIATE), re-reading the version table inside the lock.
func (m *Migrator) openSession(ctx context.Context) (*session, error) {
	conn, err := m.DB.Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("migrate: connect: %w", err)
	}
	s := &session{m: m, conn: conn}
	if err := s.lock(ctx); err != nil {
		conn.Close()
		return nil, err
	}
	return s, nil
}

// lockKey is the advisory lock key derived from the version table.
func (m *Migrator) lockKey() int64 {
	h := fnv.New64a()
	h.Write([]byte("flagon-migrate:" + m.tableName()))
	return int64(h.Sum64() >> 1)
}

// lock acquires the run lock.
func (s *session) lock(ctx context.Context) error {
	switch s.m.Dialect {
	case PostgreSQL:
		_, err := s.conn.ExecContext(ctx, "SELECT pg_advisory_lock($1)", s.m.lockKey())
		return wrapLock(err)
	case MySQL:
		var got sql.NullInt64
		err := s.conn.QueryRowContext(ctx, "SELECT GET_LOCK(CONCAT('flagon_migrate:', DATABASE(), ?), ?)",
			s.m.tableName(), int(s.m.lockTimeout().Seconds())).Scan(&got)
		if err == nil && got.Int64 != 1 {
			err = fmt.Errorf("timed out after %s waiting for another migration run", s.m.lockTimeout())
		}
		return wrapLock(err)
	case SQLite:
		return s.sqliteSetup(ctx)
	}
	return nil
}

// sqliteSetup sets the busy timeout and turns foreign keys off for the
// session, outside any transaction, as SQLite's table rebuild requires:
// otherwise dropping a rebuilt parent table would fire ON DELETE CASCADE.
func (s *session) sqliteSetup(ctx context.Context) error {
	ms := s.m.lockTimeout().Milliseconds()
	if _, err := s.conn.ExecContext(ctx, fmt.Sprintf("PRAGMA busy_timeout = %d", ms)); err != nil {
		return err
	}
	if err := s.conn.QueryRowContext(ctx, "PRAGMA foreign_keys").Scan(&s.fkOn); err != nil {
		return err
	}
	_, err := s.conn.ExecContext(ctx, "PRAGMA foreign_keys = OFF")
	return err
}

// wrapLock explains lock failures.
func wrapLock(err error) error {
	if err != nil {
		return fmt.Errorf("migrate: lock against concurrent runs: %w", err)
	}
	return nil
}

// close releases the lock and the connection.
func (s *session) close() {
	ctx := context.Background()
	switch s.m.Dialect {
	case PostgreSQL:
		_, _ = s.conn.ExecContext(ctx, "SELECT pg_advisory_unlock($1)", s.m.lockKey())
	case MySQL:
		_, _ = s.conn.ExecContext(ctx, "SELECT RELEASE_LOCK(CONCAT('flagon_migrate:', DATABASE(), ?))", s.m.tableName())
	case SQLite:
		if s.fkOn {
			_, _ = s.conn.ExecContext(ctx, "PRAGMA foreign_keys = ON")
		}
	}
	s.conn.Close()
}

// begin starts one revision's transaction.
func (s *session) begin(ctx context.Context) (stepTx, error) {
	switch s.m.Dialect {
	case SQLite:
		if _, err := s.conn.ExecContext(ctx, "BEGIN IMMEDIATE"); err != nil {
			return nil, fmt.Errorf("migrate: lock database: %w", err)
		}
		return &manualTx{Conn: s.conn}, nil
	case PostgreSQL:
		tx, err := s.conn.BeginTx(ctx, nil)
		if err != nil {
			return nil, err
		}
		return &sqlTx{Tx: tx}, nil
	}
	return &noTx{Conn: s.conn}, nil
}

// manualTx is a transaction driven by SQL statements on a connection.
type manualTx struct{ *sql.Conn }

func (t *manualTx) commit() error {
	_, err := t.ExecContext(context.Background(), "COMMIT")
	return err
}

func (t *manualTx) rollback() error {
	_, err := t.ExecContext(context.Background(), "ROLLBACK")
	return err
}

// sqlTx is a database/sql transaction.
type sqlTx struct{ *sql.Tx }

func (t *sqlTx) commit() error   { return t.Commit() }
func (t *sqlTx) rollback() error { return t.Rollback() }

// noTx runs statements directly (MySQL DDL cannot be rolled back).
type noTx struct{ *sql.Conn }

func (noTx) commit() error   { return nil }
func (noTx) rollback() error { return nil }
