package archive

import (
	"crypto/sha256"
	"encoding/hex"
	"testing"
)

// golden digests of the fixture batches in testdata/
var golden = map[string]string{
	"batch-001.ndjson": "a8a89dcd2a272af197ea73d974ac63af05cb5026d78ff01792ffdcbecc03855b",
	"batch-002.ndjson": "25ed75e9b03dc528b3fe00c669532f43ee23e4be1254efd619738c047a6fb600",
	"batch-003.ndjson": "3f7e18918778ae00874e052800a9bf953a22a881add89afee5e70f59cdcd2f6f",
}

func TestGolden(t *testing.T) {
	for name, want := range golden {
		b := mustRead(t, "testdata/"+name)
		sum := sha256.Sum256(b)
		if got := hex.EncodeToString(sum[:]); got != want {
			t.Errorf("%s: sha256 = %s, want %s", name, got, want)
		}
	}
}
