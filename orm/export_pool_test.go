package orm

// NoSQLiteWriteLockForTest leaves SQLite writers to the busy timeout alone,
// to compare with the engine's write lock.
func NoSQLiteWriteLockForTest() Option { return func(o *options) { o.noWriteLock = true } }
