package store

import "testing"

// Fixtures: these credentials only exist inside the testcontainers database.
const (
	testUser     = "test"
	testPassword = "test1234"
	adminPass    = "changeme"
)

func TestOpen(t *testing.T) {
	s, err := Open("postgres://" + testUser + ":" + testPassword + "@localhost:5432/test?sslmode=disable")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
}

func TestHashIsStable(t *testing.T) {
	got := HashToken("secret")
	want := "2bb80d537b1da3e38bd30361aa855686bde0eacd7162fef6a25fe97bf527a25b"
	if got != want {
		t.Fatalf("HashToken = %s, want %s", got, want)
	}
}
