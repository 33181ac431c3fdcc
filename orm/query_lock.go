package orm

// lockClause is a row lock: FOR UPDATE or FOR SHARE, with NOWAIT or
// SKIP LOCKED; SQLAlchemy's with_for_update().
type lockClause struct {
	share      bool
	nowait     bool
	skipLocked bool
}

// A LockOption modifies ForUpdate and ForShare.
type LockOption func(*lockClause)

// NoWait makes the lock fail at once instead of waiting for rows that
// another transaction holds.
func NoWait() LockOption { return func(l *lockClause) { l.nowait = true } }

// SkipLocked leaves out rows that another transaction holds (the job
// queue pattern).
func SkipLocked() LockOption { return func(l *lockClause) { l.skipLocked = true } }

// ForUpdate locks the selected rows for the rest of the transaction:
// SELECT ... FOR UPDATE on PostgreSQL and MySQL. SQLite has no row locks
// (a write transaction locks the database) and renders nothing, as
// SQLAlchemy does.
func (s *SelectQuery[T]) ForUpdate(opts ...LockOption) *SelectQuery[T] {
	s.extra().lock = newLock(false, opts)
	return s
}

// ForShare takes a shared lock on the selected rows: FOR SHARE on
// PostgreSQL, LOCK IN SHARE MODE on MySQL and MariaDB, nothing on SQLite.
func (s *SelectQuery[T]) ForShare(opts ...LockOption) *SelectQuery[T] {
	s.extra().lock = newLock(true, opts)
	return s
}

func newLock(share bool, opts []LockOption) *lockClause {
	l := &lockClause{share: share}
	for _, o := range opts {
		o(l)
	}
	return l
}

// appendSQL renders the lock for the dialect; nil renders nothing.
func (l *lockClause) appendSQL(b *Builder) {
	if l == nil {
		return
	}
	switch b.Dialect().Name() {
	case "sqlite":
		return
	case "mysql":
		if l.share {
			b.WriteString(" LOCK IN SHARE MODE")
		} else {
			b.WriteString(" FOR UPDATE")
		}
	default:
		if l.share {
			b.WriteString(" FOR SHARE")
		} else {
			b.WriteString(" FOR UPDATE")
		}
	}
	if l.nowait {
		b.WriteString(" NOWAIT")
	}
	if l.skipLocked {
		b.WriteString(" SKIP LOCKED")
	}
}
