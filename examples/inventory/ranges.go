package main

import (
	"errors"
	"net/http"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/orm"
)

// outOfRange turns a value its column cannot hold (a price past INTEGER's
// range on PostgreSQL or MySQL) into a 400 naming the field; other errors
// pass unchanged.
func outOfRange(err error) error {
	var re *orm.RangeError
	if errors.As(err, &re) {
		return flagon.Abort(http.StatusBadRequest, "The "+re.Column+" is out of range.")
	}
	return err
}
