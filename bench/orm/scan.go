package ormbench

import (
	"database/sql"
	"fmt"
)

// scanIDs reads one generated id per row of ms and closes rows.
func scanIDs(rows *sql.Rows, ms []*Model) error {
	defer rows.Close()
	i := 0
	for ; rows.Next() && i < len(ms); i++ {
		if err := rows.Scan(&ms[i].ID); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	if i != len(ms) {
		return fmt.Errorf("insert returned %d ids for %d rows", i, len(ms))
	}
	return nil
}

// scanModels reads every row into a new Model and closes rows.
func scanModels(rows *sql.Rows, n int) ([]*Model, error) {
	defer rows.Close()
	out := make([]*Model, 0, n)
	for rows.Next() {
		m := new(Model)
		if err := rows.Scan(scanTargets(m)...); err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, rows.Err()
}
