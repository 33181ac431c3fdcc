package orm

import "reflect"

// AsReadForTest marks obj's relationship fields as a query that read
// obj from the database does (unloaded; a Dynamic knows its owner), so
// that offline tests can render a Dynamic's query.
func AsReadForTest(obj any) {
	v := reflect.ValueOf(obj)
	t, err := modelTable(v.Type())
	if err != nil {
		panic(err)
	}
	markUnloaded(t, v.UnsafePointer())
}
