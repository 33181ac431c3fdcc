// Package rawdb is the hand-written data access shared by the raw net/http
// and the Gin implementations: database/sql with prepared statements, one
// query per row, and the fortunes page as an html/template.
package rawdb
