package main

// World is a row of the world table.
type World struct {
	ID           int `json:"id"`
	RandomNumber int `orm:"column:randomnumber" json:"randomNumber"`
}

// Fortune is a row of the fortune table.
type Fortune struct {
	ID      int
	Message string `orm:"size:2048"`
}
