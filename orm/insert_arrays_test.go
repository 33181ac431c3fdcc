package orm

import (
	"fmt"
	"reflect"
	"testing"
	"unsafe"
)

// Embedded structs are flattened into columns at fixed offsets.
type (
	offsetAudit struct {
		Author string
		Rev    int32
	}
	offsetModel struct {
		ID    int64
		Flag  bool
		Title string
		offsetAudit
		Score float64
	}
)

func TestColumnOffsetsMatchIndexPaths(t *testing.T) {
	tbl, err := tableOf[offsetModel]()
	if err != nil {
		t.Fatal(err)
	}
	v := reflect.ValueOf(&offsetModel{}).Elem()
	for _, c := range tbl.Columns {
		want := fieldByIndex(v, c.index).Addr().UnsafePointer()
		if got := unsafe.Add(v.Addr().UnsafePointer(), c.offset); got != want {
			t.Errorf("column %s: offset %d points elsewhere than its index path %v", c.Name, c.offset, c.index)
		}
	}
	rows := []reflect.Value{
		reflect.ValueOf(&offsetModel{ID: 1, Title: "a", offsetAudit: offsetAudit{"ann", 7}, Score: 1.5}).Elem(),
		reflect.ValueOf(&offsetModel{ID: 2, Flag: true, Title: "b", offsetAudit: offsetAudit{"bob", -3}}).Elem(),
	}
	got := map[string]string{}
	for _, c := range tbl.Columns {
		got[c.Name] = fmt.Sprint(basicArray(c, rows))
	}
	want := map[string]string{"id": "[1 2]", "flag": "[false true]", "title": "[a b]", "author": "[ann bob]", "rev": "[7 -3]", "score": "[1.5 0]"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("column arrays = %v, want %v", got, want)
	}
}
