package main

// Product is the tutorial's model; Price is the column its second
// migration adds.
type Product struct {
	ID    int    `json:"id"`
	Name  string `orm:"size:100" json:"name"`
	Price *int   `json:"price"`
}
