package detect

import (
	"bytes"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"strings"

	"github.com/leakstop/leakstop/rules"
	"github.com/leakstop/leakstop/rules/fake"
)

// textGen writes realistic text from a seed: source code in several
// languages, configs, logs, lockfiles, minified JavaScript and encoded
// blobs. When planting, about one line in plantEvery is a fake secret of
// one of a sample of the catalog's rules (in the context of the rule's
// own example) or a look-alike: a placeholder, a reference, a hash.
type textGen struct {
	r      *rand.Rand
	fk     *fake.Gen
	sample []*rules.Rule // rules whose secrets are planted, in turn
	next   int
	plant  bool
	out    []byte
}

const plantEvery = 400

func newTextGen(seed uint64, e *Engine) *textGen {
	g := &textGen{r: rand.New(rand.NewPCG(seed, seed^0x5eed)), fk: fake.New(seed)}
	return g.withEngine(e)
}

// withEngine samples half of e's rules to plant secrets of.
func (g *textGen) withEngine(e *Engine) *textGen {
	g.sample = nil
	if e != nil {
		rs := e.Rules()
		for _, i := range g.r.Perm(len(rs))[:len(rs)/2] {
			g.sample = append(g.sample, rs[i])
		}
	}
	return g
}

type fileKind struct {
	weight int
	write  func(g *textGen, size int)
}

var (
	mixedKinds = []fileKind{{10, goFile}, {8, pyFile}, {8, jsFile}, {5, javaFile}, {4, rustFile},
		{6, yamlFile}, {5, jsonFile}, {2, envFile}, {2, tomlFile}, {8, logFile}, {4, mdFile},
		{4, lockFile}, {3, minJSFile}, {3, blobFile}, {1, k8sSecretFile}}
	cleanKinds = []fileKind{{10, goFile}, {8, pyFile}, {8, jsFile}, {5, javaFile}, {4, rustFile},
		{6, yamlFile}, {5, jsonFile}, {2, tomlFile}, {8, logFile}, {4, mdFile}}
	encodedKinds = []fileKind{{4, k8sSecretFile}, {2, kubeconfigFile}, {1, dockerConfigFile},
		{3, jwtLogFile}, {2, hexFile}, {2, escapedJSONFile}, {2, percentLogFile}, {3, blobFile}, {2, lockFile}}
)

// corpus returns files of kinds until they hold size bytes.
func (g *textGen) corpus(size int, kinds []fileKind, plant bool) [][]byte {
	g.plant = plant
	total := 0
	for _, k := range kinds {
		total += k.weight
	}
	var files [][]byte
	for n := 0; n < size; {
		w := g.r.IntN(total)
		k := kinds[0]
		for _, k = range kinds {
			if w -= k.weight; w < 0 {
				break
			}
		}
		g.out = nil
		k.write(g, min(g.fileSize(), size-n))
		files = append(files, g.out)
		n += len(g.out)
	}
	return files
}

// fileSize is mostly a few KiB, sometimes tens, rarely hundreds.
func (g *textGen) fileSize() int {
	switch x := g.r.IntN(100); {
	case x < 2:
		return 256<<10 + g.r.IntN(256<<10)
	case x < 10:
		return 32<<10 + g.r.IntN(96<<10)
	}
	return 512 + g.r.IntN(24<<10)
}

var words = strings.Fields(`user account order item config handler request response buffer
count index value result error client server cache queue event status path name size offset
limit timeout retry session message payload header body query filter record batch worker job
task node cluster region zone metric trace span logger level format parser schema table row
column field entry report invoice customer product price cart payment shipment address email
profile image upload file folder build deploy release version commit branch merge review test`)

func (g *textGen) pick(s []string) string { return s[g.r.IntN(len(s))] }

func (g *textGen) hexN(n int) string { return hex.EncodeToString(g.rawBytes(n / 2)) }

func (g *textGen) rawBytes(n int) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(g.r.Uint32())
	}
	return b
}

// expand writes tmpl with each «name» replaced by a random value.
func (g *textGen) expand(tmpl string) {
	for {
		i := strings.Index(tmpl, "«")
		if i < 0 {
			g.out = append(g.out, tmpl...)
			return
		}
		g.out = append(g.out, tmpl[:i]...)
		tmpl = tmpl[i+len("«"):]
		j := strings.Index(tmpl, "»")
		g.out = append(g.out, g.value(tmpl[:j])...)
		tmpl = tmpl[j+len("»"):]
	}
}

func (g *textGen) value(name string) string {
	w := g.pick(words)
	switch name {
	case "w":
		return w
	case "W":
		return strings.ToUpper(w[:1]) + w[1:]
	case "U":
		return strings.ToUpper(w)
	case "s":
		return w + "_" + g.pick(words)
	case "n":
		return fmt.Sprint(g.r.IntN(1000))
	case "N":
		return fmt.Sprint(g.r.Int64N(1 << 40))
	case "c":
		return string(rune('a' + g.r.IntN(26)))
	case "uuid":
		h := g.hexN(32)
		return h[:8] + "-" + h[8:12] + "-4" + h[13:16] + "-a" + h[17:20] + "-" + h[20:]
	case "clock":
		return fmt.Sprintf("%02d:%02d:%02d", g.r.IntN(24), g.r.IntN(60), g.r.IntN(60))
	case "ip":
		return fmt.Sprintf("10.%d.%d.%d", g.r.IntN(256), g.r.IntN(256), g.r.IntN(256))
	case "ts":
		return fmt.Sprintf("2024-%02d-%02dT%02d:%02d:%02d.%03dZ", 1+g.r.IntN(12), 1+g.r.IntN(28), g.r.IntN(24), g.r.IntN(60), g.r.IntN(60), g.r.IntN(1000))
	case "sha1":
		return g.hexN(40)
	case "sha256":
		return g.hexN(64)
	case "sri":
		return base64.StdEncoding.EncodeToString(g.rawBytes(64))
	case "h1":
		return base64.StdEncoding.EncodeToString(g.rawBytes(32))
	case "ver":
		return fmt.Sprintf("%d.%d.%d", g.r.IntN(10), g.r.IntN(30), g.r.IntN(20))
	case "lvl":
		return g.pick([]string{"INFO", "INFO", "INFO", "DEBUG", "WARN", "ERROR"})
	case "sent":
		var b strings.Builder
		for i, n := 0, 5+g.r.IntN(12); i < n; i++ {
			b.WriteString(g.pick(words) + " ")
		}
		return b.String() + g.pick(words) + "."
	}
	panic("unknown template value " + name)
}

// lines writes templates in order, each as a line, planting now and then.
func (g *textGen) lines(tmpls ...string) {
	for _, t := range tmpls {
		if g.plant && g.r.IntN(plantEvery) == 0 {
			g.planted()
		}
		g.expand(t)
		g.out = append(g.out, '\n')
	}
}

// blocks writes a header, then random blocks until size.
func (g *textGen) blocks(size int, header []string, blocks [][]string) {
	g.lines(header...)
	for len(g.out) < size {
		g.lines(blocks[g.r.IntN(len(blocks))]...)
	}
}

// planted writes a fake secret in context (two times in three) or a
// look-alike.
func (g *textGen) planted() {
	if len(g.sample) > 0 && g.r.IntN(3) > 0 {
		g.out = append(g.out, g.secretBlock()...)
		return
	}
	g.expand(g.pick(lookAlikes))
	g.out = append(g.out, '\n')
}

var lookAlikes = []string{
	`API_KEY=your_api_key_here`, `GITHUB_TOKEN=${GITHUB_TOKEN}`,
	`password: "{{ .Values.«w».password }}"`, `secret_key = os.getenv("«U»_SECRET_KEY")`,
	`AWS_SECRET_ACCESS_KEY=<your-secret-access-key>`, `aws_secret_access_key = ${AWS_SECRET_ACCESS_KEY}`,
	`image: ghcr.io/«w»/«w»@sha256:«sha256»`, `request_id: «uuid»`,
	`token: "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"`, `DATABASE_URL=postgres://user:password@localhost:5432/«w»`,
	`"secret": "«sha1»"`, `client_secret: ${{ secrets.«U»_CLIENT_SECRET }}`,
	`export STRIPE_SECRET_KEY=sk_test_xxxxxxxxxxxxxxxxxxxxxxxx`, `datadog_api_key: "{{ datadog_api_key }}"`,
}

// secretBlock returns a fake secret of the next sampled rule in the text
// of the rule's first example, or as an assignment.
func (g *textGen) secretBlock() string {
	r := g.sample[g.next%len(g.sample)]
	g.next++
	s, err := g.fk.Secret(r)
	if err != nil {
		return "# no fake for " + r.ID + "\n"
	}
	for _, ex := range r.Examples {
		if strings.Contains(ex.Text, ex.Secret) {
			t := strings.Replace(ex.Text, ex.Secret, s, 1)
			if !strings.HasSuffix(t, "\n") {
				t += "\n"
			}
			return t
		}
	}
	return fmt.Sprintf("%s = %q\n", strings.ToUpper(strings.ReplaceAll(r.ID, "-", "_")), s)
}

func goFile(g *textGen, size int) {
	g.blocks(size, []string{"package «w»", "", "import (", "\t\"context\"", "\t\"fmt\"", "\t\"time\"", ")", ""}, [][]string{
		{"// handle«W» loads the «w» of a request and records its «w».",
			"func (s *«W»Server) handle«W»(ctx context.Context, req *«W»Request) (*«W»Response, error) {",
			"\tctx, cancel := context.WithTimeout(ctx, «n»*time.Millisecond)", "\tdefer cancel()",
			"\t«w», err := s.store.Load«W»(ctx, req.«W»ID)", "\tif err != nil {",
			"\t\treturn nil, fmt.Errorf(\"load «w» %d: %w\", req.«W»ID, err)", "\t}",
			"\tfor i := range «w».Items {", "\t\tif «w».Items[i].«W» > «n» {", "\t\t\ts.metrics.Inc(\"«s»_total\")", "\t\t}", "\t}",
			"\treturn &«W»Response{«W»: «w»}, nil", "}", ""},
		{"type «W»Config struct {", "\t«W» string `json:\"«w»\" yaml:\"«w»\"`", "\t«W»«W» int `json:\"«s»,omitempty\"`",
			"\tTimeout time.Duration `json:\"timeout\"`", "}", ""},
		{"func Test«W»«W»(t *testing.T) {", "\ttests := []struct {", "\t\tname, in string", "\t\twant int", "\t}{",
			"\t\t{\"«w»\", \"«w»-«w»\", «n»},", "\t\t{\"«w» «w»\", \"«w»/«w»\", «n»},", "\t}",
			"\tfor _, tt := range tests {", "\t\tif got := parse«W»(tt.in); got != tt.want {",
			"\t\t\tt.Errorf(\"parse«W»(%q) = %d, want %d\", tt.in, got, tt.want)", "\t\t}", "\t}", "}", ""},
	})
}

func pyFile(g *textGen, size int) {
	g.blocks(size, []string{"import logging", "import os", "from dataclasses import dataclass", "", "log = logging.getLogger(__name__)", ""}, [][]string{
		{"@dataclass", "class «W»«W»:", "    «s»: str", "    «w»: int = «n»", "", "    def to_dict(self) -> dict:",
			"        return {\"«w»\": self.«s», \"«w»\": self.«w»}", ""},
		{"def load_«s»(client, «w»_id: int, limit: int = «n») -> list:", "    \"\"\"«sent»\"\"\"",
			"    rows = client.query(\"SELECT * FROM «s» WHERE «w»_id = %s LIMIT %s\", («w»_id, limit))",
			"    if not rows:", "        log.warning(\"no «w» for %s\", «w»_id)", "        return []",
			"    return [row[\"«w»\"] for row in rows if row.get(\"«w»\")]", ""},
		{"class Test«W»(unittest.TestCase):", "    def test_«s»(self):", "        self.assertEqual(parse_«w»(\"«w»-«n»\"), «n»)", ""},
	})
}

func jsFile(g *textGen, size int) {
	g.blocks(size, []string{"'use strict';", "", "import { «w», «w» } from './«w»';", "const «w» = require('«w»-«w»');", ""}, [][]string{
		{"export async function fetch«W»«W»(«w»Id, { limit = «n», signal } = {}) {",
			"  const res = await fetch(`/api/v1/«w»/${«w»Id}?limit=${limit}`, { signal });",
			"  if (!res.ok) {", "    throw new Error(`fetch «w» failed: ${res.status}`);", "  }",
			"  const data = await res.json();", "  return data.items.map((x) => ({ ...x, «w»: x.«w» ?? «n» }));", "}", ""},
		{"describe('«w» «w»', () => {", "  it('«sent»', () => {", "    expect(format«W»('«w»')).toBe('«W»');", "  });", "});", ""},
		{"const «w»Defaults = {", "  «w»: '«w»',", "  «w»: «n»,", "  retries: 3,", "};", ""},
	})
}

func javaFile(g *textGen, size int) {
	g.blocks(size, []string{"package com.«w».«w»;", "", "import java.util.List;", "import java.util.Optional;", "",
		"public final class «W»Service {", "    private static final Logger LOG = LoggerFactory.getLogger(«W»Service.class);", ""}, [][]string{
		{"    public Optional<«W»> find«W»(long «w»Id) {", "        LOG.debug(\"find «w» {}\", «w»Id);",
			"        return repository.findById(«w»Id).filter(x -> x.get«W»() > «n»);", "    }", ""},
		{"    @Override", "    public List<«W»> list«W»s(int limit) {",
			"        return repository.findAll(PageRequest.of(0, limit)).getContent();", "    }", ""},
	})
	g.lines("}")
}

func rustFile(g *textGen, size int) {
	g.blocks(size, []string{"use std::collections::HashMap;", "use std::io::{self, Read};", ""}, [][]string{
		{"pub fn parse_«w»(buf: &[u8]) -> Result<«W», Error> {", "    let mut «w» = «W»::default();",
			"    for (i, b) in buf.iter().enumerate().take(«n») {", "        «w».«w» = «w».«w».wrapping_add(*b as u64 * i as u64);", "    }",
			"    Ok(«w»)", "}", ""},
		{"#[derive(Debug, Clone, Default)]", "pub struct «W»«W» {", "    pub «w»: String,", "    pub «s»: u32,", "}", ""},
	})
}

func yamlFile(g *textGen, size int) {
	g.blocks(size, []string{"# «sent»"}, [][]string{
		{"---", "apiVersion: apps/v1", "kind: Deployment", "metadata:", "  name: «w»-«w»", "  labels:", "    app: «w»",
			"spec:", "  replicas: «n»", "  template:", "    spec:", "      containers:", "        - name: «w»",
			"          image: registry.internal/«w»/«w»:«ver»", "          env:", "            - name: «U»_«U»",
			"              value: \"«w»\"", "            - name: LOG_LEVEL", "              value: info"},
		{"jobs:", "  «w»:", "    runs-on: ubuntu-latest", "    steps:", "      - uses: actions/checkout@v4",
			"      - run: make «w» «w»", "        env:", "          «U»_«U»: «n»"},
	})
}

func jsonFile(g *textGen, size int) {
	g.out = append(g.out, "{\n  \"name\": \"@«w»/«w»\",\n  \"version\": \"«ver»\",\n  \"entries\": [\n"...)
	g.expand("")
	for len(g.out) < size {
		g.lines(`    {"id": «N», "«w»": "«w» «w»", "«w»": «n», "created": "«ts»", "tags": ["«w»", "«w»"]},`)
	}
	g.lines(`    {"id": 0}`, "  ]", "}")
}

func envFile(g *textGen, size int) {
	for len(g.out) < size {
		g.lines("# «sent»", "«U»_«U»=«w»", "«U»_PORT=«n»", "«U»_HOST=«w».internal", "LOG_LEVEL=info", "")
	}
}

func tomlFile(g *textGen, size int) {
	for len(g.out) < size {
		g.lines("[«w».«w»]", "enabled = true", "«w» = \"«w»\"", "«s» = «n»", "timeout = \"«n»s\"", "")
	}
}

func logFile(g *textGen, size int) {
	for len(g.out) < size {
		switch g.r.IntN(3) {
		case 0:
			g.lines("«ts» «lvl» [«w»-worker-«n»] request_id=«uuid» method=GET path=/api/v1/«w»/«n» status=200 duration_ms=«n»")
		case 1:
			g.lines(`«ip» - - [12/Mar/2024:«clock» +0000] "GET /«w»/«w»?page=«n» HTTP/1.1" 200 «N» "-" "Mozilla/5.0 (X11; Linux x86_64)"`)
		default:
			g.lines(`{"time":"«ts»","level":"«lvl»","msg":"«sent»","«w»":«n»,"trace_id":"«sha256»"}`)
		}
	}
}

func mdFile(g *textGen, size int) {
	g.blocks(size, []string{"# «W» «W»", ""}, [][]string{
		{"## «W»", "", "«sent» «sent» «sent»", ""},
		{"```sh", "make «w» && ./bin/«w» --«w»=«n»", "```", ""},
		{"- «sent»", "- «sent»", ""},
	})
}

func lockFile(g *textGen, size int) {
	for len(g.out) < size {
		switch g.r.IntN(4) {
		case 0:
			g.lines(`    "node_modules/«w»-«w»": {`, `      "version": "«ver»",`,
				`      "resolved": "https://registry.npmjs.org/«w»/-/«w»-«ver».tgz",`, `      "integrity": "sha512-«sri»"`, `    },`)
		case 1:
			g.lines("github.com/«w»/«w» v«ver» h1:«h1»", "github.com/«w»/«w» v«ver»/go.mod h1:«h1»")
		case 2:
			g.lines(`"«w»@^«ver»":`, `  version "«ver»"`, `  resolved "https://registry.yarnpkg.com/«w»/-/«w»-«ver».tgz#«sha1»"`, "")
		default:
			g.lines("[[package]]", `name = "«w»-«w»"`, `version = "«ver»"`, `checksum = "«sha256»"`, "")
		}
	}
}

func minJSFile(g *textGen, size int) {
	for len(g.out) < size {
		for end := len(g.out) + 16<<10 + g.r.IntN(112<<10); len(g.out) < end; {
			switch g.r.IntN(4) {
			case 0:
				g.expand(`function «c»(«c»,«c»){return «c».«w»(«c»,«n»)}`)
			case 1:
				g.expand(`var «c»=«c».«w»||{};«c».«W»="«w» \u00e9\u00e8 «w»";`)
			case 2:
				g.expand(`«c».prototype.«w»=function(){return this.«w»&&this.«w».length>«n»?"\"«w»\"":null},`)
			default:
				g.expand(`if(«c»<«n»){«c»+=«c»|0;continue}`)
			}
		}
		g.out = append(g.out, ";\n"...)
	}
}

func blobFile(g *textGen, size int) {
	for len(g.out) < size {
		switch g.r.IntN(3) {
		case 0:
			g.lines(".«w»{background:url(data:image/png;base64," + string(b64(g.rawBytes(1<<10+g.r.IntN(15<<10)))) + ")}")
		case 1:
			enc := b64(g.rawBytes(600 + g.r.IntN(700)))
			g.lines("-----BEGIN CERTIFICATE-----")
			for len(enc) > 64 {
				g.lines(string(enc[:64]))
				enc = enc[64:]
			}
			g.lines(string(enc), "-----END CERTIFICATE-----")
		default: // GitHub's contents API: base64 of a file, wrapped with \n escapes
			h := newTextGen(g.r.Uint64(), nil)
			pyFile(h, 1<<10+g.r.IntN(4<<10))
			enc := string(b64(h.out))
			var parts []string
			for len(enc) > 60 {
				parts, enc = append(parts, enc[:60]), enc[60:]
			}
			g.lines(`{"path": "«w»/«w».py", "encoding": "base64", "content": "` + strings.Join(append(parts, enc), `\n`) + `"}`)
		}
	}
}

// k8sSecretFile writes Secret manifests: base64 values of ordinary
// settings, a config file, and when planting sometimes a fake secret.
func k8sSecretFile(g *textGen, size int) {
	for len(g.out) < size {
		g.lines("---", "apiVersion: v1", "kind: Secret", "metadata:", "  name: «w»-«w»", "type: Opaque", "data:")
		for i, n := 0, 2+g.r.IntN(5); i < n; i++ {
			g.out = fmt.Appendf(g.out, "  %s_%s: %s\n", g.pick(words), g.pick(words), b64([]byte(g.pick(words)+"-"+fmt.Sprint(g.r.IntN(1000)))))
		}
		h := newTextGen(g.r.Uint64(), nil)
		tomlFile(h, 200+g.r.IntN(1500))
		g.out = fmt.Appendf(g.out, "  config.toml: %s\n", b64(h.out))
		if g.plant && len(g.sample) > 0 && g.r.IntN(8) == 0 {
			g.out = fmt.Appendf(g.out, "  credentials: %s\n", b64([]byte(g.secretBlock())))
		}
	}
}

func kubeconfigFile(g *textGen, size int) {
	for len(g.out) < size {
		var cert bytes.Buffer
		h := newTextGen(g.r.Uint64(), nil)
		blobFile(h, 1) // one block: a data URI, a certificate or a contents reply
		cert.Write(h.out)
		g.lines("- cluster:", "    certificate-authority-data: "+string(b64(cert.Bytes())), "    server: https://«ip»:6443", "  name: «w»-«w»")
	}
}

func dockerConfigFile(g *textGen, size int) {
	g.out = append(g.out, "{\"auths\": {\n"...)
	for len(g.out) < size {
		auth := b64([]byte(g.pick(words) + ":" + g.pick(words) + fmt.Sprint(g.r.IntN(1000))))
		g.lines(`  "«w».«w».io": {"auth": "` + string(auth) + `"},`)
	}
	g.lines(`  "x": {}`, "}}")
}

func jwtLogFile(g *textGen, size int) {
	enc := base64.RawURLEncoding
	for len(g.out) < size {
		payload := fmt.Sprintf(`{"sub":"%s-%d","scope":"%s %s","iat":%d}`, g.pick(words), g.r.IntN(1e6), g.pick(words), g.pick(words), 1_700_000_000+g.r.IntN(1e7))
		jwt := enc.EncodeToString([]byte(`{"alg":"RS256","typ":"JWT"}`)) + "." + enc.EncodeToString([]byte(payload)) + "." + enc.EncodeToString(g.rawBytes(256))
		g.lines("«ts» «lvl» auth: verified bearer "+jwt+" for «w»", "«ts» «lvl» session=«sri» «w»=«n»")
	}
}

func hexFile(g *textGen, size int) {
	for len(g.out) < size {
		switch g.r.IntN(3) {
		case 0:
			g.lines("«sha256»  ./«w»/«w»-«ver».tar.gz")
		case 1:
			g.lines(fmt.Sprintf("%08x: %s", len(g.out), g.hexN(64)))
		default:
			h := newTextGen(g.r.Uint64(), nil)
			h.expand("«sent»")
			g.lines("«ts» «lvl» frame «w»=" + hex.EncodeToString(h.out))
		}
	}
}

func escapedJSONFile(g *textGen, size int) {
	for len(g.out) < size {
		if g.r.IntN(2) == 0 {
			g.lines(`{"html": "\u003cdiv class=\"«w»\"\u003e«sent»\u003c/div\u003e", "url": "https:\/\/«w».example.com\/«w»"}`)
			continue
		}
		h := newTextGen(g.r.Uint64(), nil)
		h.expand("«sent»")
		g.lines(`{"«w»": "` + string(jsEscape(h.out)) + `"}`)
	}
}

func percentLogFile(g *textGen, size int) {
	for len(g.out) < size {
		h := newTextGen(g.r.Uint64(), nil)
		h.expand("«sent» «w»=«n»&«w»=https://«w».example.com/«w»?«w»=«n»")
		g.lines(`«ip» - - [12/Mar/2024:«clock» +0000] "GET /search?q=` + string(pct(h.out)) + `&page=«n» HTTP/1.1" 200 «N»`)
	}
}
