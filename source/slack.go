package source

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Slack reads a Slack workspace export: a .zip as Slack delivers it, or the
// folder it unpacks to. The export lists its members (users.json,
// org_users.json) and conversations (channels.json, groups.json, dms.json,
// mpims.json), and holds one folder per conversation with a JSON array of
// messages per day (YYYY-MM-DD.json). Each list is optional: an export of
// one channel, or of direct messages only, is read too.
//
// Each message is one fragment: its text, the texts of its blocks,
// attachments and files, and the access tokens of its file links, decoded
// and joined with newlines. Its Origin (kind "slack") has the path
// slack/CHANNEL_ID/TS, names the channel, the user and the thread, links
// to the message, and says where the text is in the day file. Files
// downloaded with the export (by export tools, or in Files) are scanned as
// files of the messages that share them; other files in the export are
// scanned on their own.
//
// Day files are decoded as streams, entry by entry of a zip, on jobs
// workers that hand the messages to jobs scanning workers: memory holds a
// few messages per worker, never a day file. A day file that is not valid
// JSON is reported with its line and the rest of the export is scanned.
type Slack struct {
	// Export is the .zip or folder, as the user gave it.
	Export string
	// Files is a folder of files downloaded from the workspace, named by
	// Slack file id (F0123ABCD-name.txt, F0123ABCD/name.txt) or by name;
	// empty: only the files inside the export.
	Files string
	// Workspace is the workspace's host for permalinks (acme.slack.com;
	// see NormalizeWorkspace). Empty: the host that links in the export
	// name; without one, findings have no permalink.
	Workspace string
	// MaxFileSize skips larger downloaded files (listed as skipped); 0
	// means no limit. Day files are streamed and never skipped.
	MaxFileSize int64
	// Archive bounds the opening of downloaded files that are archives
	// (see expandArchive); the zero value opens none.
	Archive ArchiveLimits
	// OCR, when set, reads the text of downloaded files that are images
	// (see image.go).
	OCR *OCR
}

var _ Source = (*Slack)(nil)

// slackExport is an opened export or folder of files: a file system and
// how to name its files for people.
type slackExport struct {
	fsys  fs.FS
	root  string // as the user gave it
	zip   bool
	close func() error
}

func openSlackExport(root string) (*slackExport, error) {
	fi, err := os.Stat(root)
	if err != nil {
		return nil, plainError(err)
	}
	if fi.IsDir() {
		return &slackExport{fsys: os.DirFS(root), root: root, close: func() error { return nil }}, nil
	}
	zr, err := zip.OpenReader(root)
	if err != nil && !errors.Is(err, zip.ErrInsecurePath) {
		return nil, fmt.Errorf("not a folder or a zip archive: %w", err)
	}
	return &slackExport{fsys: zr, root: root, zip: true, close: zr.Close}, nil
}

// shown names a file of the export for messages: under the folder, or
// after the archive and '!'.
func (e *slackExport) shown(rel string) string {
	return slackShown(e.root, rel, e.zip)
}

func slackShown(root, rel string, inZip bool) string {
	root = filepath.ToSlash(filepath.Clean(root))
	switch {
	case rel == "" || rel == ".":
		return root
	case inZip:
		return root + "!" + rel
	}
	return path.Join(root, rel)
}

// ExportFile names the file of a Slack place (File) as a person finds it:
// under the export folder, or inside the export archive after '!'.
func (o *Origin) ExportFile() string {
	if o.File == "" {
		return ""
	}
	if o.Root == "" {
		return o.File
	}
	return slackShown(o.Root, o.File, strings.HasSuffix(strings.ToLower(o.Root), ".zip"))
}

// Fragments reads the export and visits a fragment per message and per
// file. It stops at the first error visit returns, or when ctx ends.
func (s *Slack) Fragments(ctx context.Context, jobs int, visit Visit, p Problems) error {
	jobs = max(jobs, 1)
	exp, err := openSlackExport(s.Export)
	if err != nil {
		p.Error(slackShown(s.Export, "", false), err)
		return nil
	}
	defer exp.close()
	plan, err := planSlack(exp, p)
	if err != nil {
		p.Error(exp.shown(""), err)
		return nil
	}
	if s.Files != "" {
		files, err := openSlackExport(s.Files)
		if err != nil {
			p.Error(slackShown(s.Files, "", false), err)
		} else {
			defer files.close()
			plan.indexFiles(files, p)
		}
	}
	if len(plan.days) == 0 {
		p.Error(exp.shown(""), errors.New("no conversation folders with day files (YYYY-MM-DD.json): is this a Slack export?"))
	}
	r := &slackRun{s: s, exp: exp, plan: plan, p: p}
	r.meta = loadSlackMeta(exp.fsys, plan.root, exp.shown, p)
	convs := map[string]*slackConv{}
	for i := range plan.days {
		d := &plan.days[i]
		if convs[d.folder] == nil {
			convs[d.folder] = r.meta.conv(d.folder)
		}
		d.conv = convs[d.folder]
	}
	r.names = slackNames{user: r.userName, channel: r.channelName}
	r.workspace, _ = NormalizeWorkspace(s.Workspace)
	if r.workspace == "" {
		r.workspace = plan.findWorkspace(exp)
	}
	return r.run(ctx, jobs, visit)
}

// slackRun is one read of an export.
type slackRun struct {
	s         *Slack
	exp       *slackExport
	plan      *slackPlan
	meta      *slackMeta
	names     slackNames
	workspace string
	p         Problems
	// ctx ends the run's decoding (set by run).
	ctx context.Context
}

func (r *slackRun) userName(id string) string {
	u, _ := r.meta.user(id)
	return u.name
}

func (r *slackRun) channelName(id string) string {
	if c, ok := r.meta.convs[id]; ok {
		return c.name
	}
	return ""
}

// run decodes the day files on jobs workers, which hand the fragments to
// jobs scanning workers, then visits the files no message shared.
func (r *slackRun) run(ctx context.Context, jobs int, visit Visit) error {
	inner, cancel := context.WithCancel(ctx)
	defer cancel()
	r.ctx = inner
	var (
		once     sync.Once
		visitErr error
	)
	work := make(chan *Fragment, 16*jobs)
	var scanners sync.WaitGroup
	for w := 0; w < jobs; w++ {
		scanners.Add(1)
		go func() {
			defer scanners.Done()
			for f := range work {
				if inner.Err() != nil {
					continue // drain so the decoders never block
				}
				if err := visit(w, f); err != nil {
					once.Do(func() { visitErr = err; cancel() })
				}
			}
		}()
	}
	emit := func(f *Fragment) bool {
		select {
		case work <- f:
			return true
		case <-inner.Done():
			return false
		}
	}
	planned(r.p, len(r.plan.days), "day files")
	days := make(chan slackDay)
	var decoders sync.WaitGroup
	for range jobs {
		decoders.Add(1)
		go func() {
			defer decoders.Done()
			for d := range days {
				if inner.Err() == nil {
					r.day(inner, d, emit)
					advanced(r.p, 1)
				}
			}
		}()
	}
feed:
	for _, d := range r.plan.days {
		select {
		case days <- d:
		case <-inner.Done():
			break feed
		}
	}
	close(days)
	decoders.Wait()
	for _, f := range r.plan.files {
		if inner.Err() != nil {
			break
		}
		if f.shared.Load() {
			continue
		}
		r.file(inner, f, Origin{Kind: KindSlack, Path: canonical(f.rel), Root: f.exp.root, File: f.rel}, emit)
	}
	close(work)
	scanners.Wait()
	if visitErr != nil {
		return visitErr
	}
	return ctx.Err()
}

// day streams one day file's messages.
func (r *slackRun) day(ctx context.Context, d slackDay, emit func(*Fragment) bool) {
	f, err := r.exp.fsys.Open(d.rel)
	if err != nil {
		r.p.Error(r.exp.shown(d.rel), plainError(err))
		return
	}
	defer f.Close()
	r.stream(ctx, f, d, emit)
}

// stream decodes the day file d from in, message by message.
func (r *slackRun) stream(ctx context.Context, in io.Reader, d slackDay, emit func(*Fragment) bool) {
	lr := &lineReader{r: in}
	dec := json.NewDecoder(lr)
	fail := func(err error) { r.p.Error(r.exp.shown(d.rel), jsonError(lr, dec, err)) }
	tok, err := dec.Token()
	if err != nil {
		fail(err)
		return
	}
	if delim, ok := tok.(json.Delim); !ok || delim != '[' {
		r.p.Error(r.exp.shown(d.rel), fmt.Errorf("line %d: want a JSON array of messages", lr.line(dec.InputOffset())))
		return
	}
	var raw json.RawMessage
	for dec.More() {
		if ctx.Err() != nil {
			return
		}
		raw = raw[:0]
		if err := dec.Decode(&raw); err != nil {
			fail(err)
			return
		}
		line := lr.line(dec.InputOffset() - int64(len(raw)))
		if len(raw) == 0 || raw[0] != '{' {
			r.p.Error(r.exp.shown(d.rel), fmt.Errorf("line %d: a message is not a JSON object", line))
			continue
		}
		if !r.message(jsonValue(raw), 0, line, d, "", emit) {
			return
		}
	}
	if _, err := dec.Token(); err != nil {
		fail(err)
		return
	}
	if _, err := dec.Token(); err != io.EOF {
		if err == nil {
			err = errors.New("more JSON after the array of messages")
		}
		fail(err)
	}
}

// message visits the message at offset at of b, whose first byte is on
// line of the day file, then the files it shares and the replies nested
// in it. parentTS is the ts of the message a nested reply is in.
func (r *slackRun) message(b jsonValue, at, line int, d slackDay, parentTS string, emit func(*Fragment) bool) bool {
	m := parseSlackMessage(b, at, r.names)
	data, lines := m.assemble(b, line)
	if m.threadTS == "" {
		m.threadTS = parentTS
	}
	o := r.origin(m, d, line)
	if len(lines) > 0 {
		o.FileLine = lines[0]
		for _, l := range lines[1:] {
			if l != lines[0] {
				o.fileLines = lines
				break
			}
		}
	}
	if len(data) > 0 && !emit(&Fragment{Data: data, Origins: []Origin{o}}) {
		return false
	}
	for _, ref := range m.fileRefs {
		for _, f := range r.plan.lookup(ref, d.folder) {
			f.shared.Store(true)
			fo := o
			fo.Path = o.Path + "/files/" + canonical(firstOf(ref.id, path.Base(f.rel)))
			fo.Root, fo.File, fo.FileLine, fo.fileLines = f.exp.root, f.rel, 0, nil
			if !r.file(r.ctx, f, fo, emit) {
				return false
			}
		}
	}
	for _, reply := range m.replies {
		if !r.message(b, reply, line, d, m.ts, emit) {
			return false
		}
	}
	return true
}

// origin is the Slack place of a message.
func (r *slackRun) origin(m *slackMessage, d slackDay, line int) Origin {
	c := d.conv
	key := firstOf(c.id, c.name)
	o := Origin{
		Kind: KindSlack, Root: r.exp.root, File: d.rel, FileLine: line,
		Channel: c.id, ChannelName: r.meta.displayName(c), ChannelType: c.kind,
		TS: m.ts, ThreadTS: m.threadTS, Date: slackDate(m.ts),
	}
	if m.ts != "" {
		o.Path = canonical("slack/" + key + "/" + m.ts)
	} else {
		o.Path = canonical("slack/" + key + "/" + path.Base(d.rel) + ":" + strconv.Itoa(line))
	}
	o.User = firstOf(m.user, m.botID)
	u, known := r.meta.user(m.user)
	o.UserName = firstOf(u.name, m.profileName, m.displayName, m.username, m.botName)
	o.UserRealName = u.realName
	if !known {
		o.UserRealName = m.realName
	}
	if r.workspace != "" && c.id != "" && m.ts != "" {
		o.Permalink = "https://" + r.workspace + "/archives/" + c.id + "/p" + strings.Replace(m.ts, ".", "", 1)
		if m.threadTS != "" && m.threadTS != m.ts {
			o.Permalink += "?thread_ts=" + m.threadTS + "&cid=" + c.id
		}
	}
	return o
}

// slackDate is the time of a message ts (seconds.microseconds); zero when
// it is not one.
func slackDate(ts string) time.Time {
	sec, frac, _ := strings.Cut(ts, ".")
	s, err := strconv.ParseInt(sec, 10, 64)
	if err != nil || s <= 0 {
		return time.Time{}
	}
	us, _ := strconv.ParseInt((frac + "000000")[:6], 10, 64)
	return time.Unix(s, us*1000).UTC()
}

// file emits a file of the export (or of Files) found at origin o: its
// text, or the members of an archive. It returns false when the run is
// ending.
func (r *slackRun) file(ctx context.Context, f *slackFile, o Origin, emit func(*Fragment) bool) bool {
	raw := r.readFile(f)
	if len(raw) == 0 {
		return ctx.Err() == nil
	}
	if mayBeArchive(raw[:min(len(raw), sniffArchiveLen)], f.rel) {
		item := archiveItem{Name: f.rel, R: bytes.NewReader(raw), Size: int64(len(raw)), Origins: []Origin{o},
			Shown: func(m string) []string { return []string{joinMember(f.exp.shown(f.rel), m)} }}
		enqueue := func(_ int, frag *Fragment) error {
			if !emit(frag) {
				return ctx.Err()
			}
			return nil
		}
		expanded, err := expandArchive(ctx, item, archiveOptions{Limits: r.s.Archive, MaxFileSize: r.s.MaxFileSize,
			Visit: enqueue, Problems: r.p, OCR: r.s.OCR})
		if expanded {
			return err == nil
		}
	}
	if frag, isImage := r.s.OCR.imageFragment(ctx, raw, BlobID(raw), []Origin{o}, []string{f.exp.shown(f.rel)}, r.p); isImage {
		return frag == nil || emit(frag)
	}
	data, enc, binary := textOf(raw)
	if binary {
		return true
	}
	return emit(&Fragment{Data: data, ID: BlobID(raw), Encoding: enc, Origins: []Origin{o}})
}

// readFile reads a file of the export (or of Files) to scan: nil when it
// cannot be read (reported), is too large (listed) or empty.
func (r *slackRun) readFile(f *slackFile) []byte {
	shown := f.exp.shown(f.rel)
	if r.s.MaxFileSize > 0 && f.size > r.s.MaxFileSize {
		if f.reported.CompareAndSwap(false, true) {
			r.p.Skip(shown, ReasonTooLarge)
		}
		return nil
	}
	file, err := f.exp.fsys.Open(f.rel)
	if err != nil {
		if f.reported.CompareAndSwap(false, true) {
			r.p.Error(shown, plainError(err))
		}
		return nil
	}
	defer file.Close()
	raw, tooLarge, err := readLimited(file, f.size, r.s.MaxFileSize)
	switch {
	case err != nil:
		if f.reported.CompareAndSwap(false, true) {
			r.p.Error(shown, plainError(err))
		}
		return nil
	case tooLarge:
		if f.reported.CompareAndSwap(false, true) {
			r.p.Skip(shown, ReasonTooLarge)
		}
		return nil
	}
	return raw
}
