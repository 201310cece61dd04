package main

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"io"
	"log/slog"
	"net"
	"testing"
	"time"
)

// opMsgBytes builds a minimal OP_MSG: header, flags, one kind-0 section holding an empty document.
func opMsgBytes(requestID int32, flags uint32) []byte {
	body := []byte{0, 5, 0, 0, 0, 0} // kind 0, then the empty BSON document {}
	n := headerLen + 4 + len(body)
	if flags&flagChecksumPresent != 0 {
		n += 4
	}
	msg := make([]byte, n)
	binary.LittleEndian.PutUint32(msg[0:], uint32(n))
	binary.LittleEndian.PutUint32(msg[4:], uint32(requestID))
	binary.LittleEndian.PutUint32(msg[12:], opMsg)
	binary.LittleEndian.PutUint32(msg[16:], flags)
	copy(msg[20:], body)
	if flags&flagChecksumPresent != 0 {
		binary.LittleEndian.PutUint32(msg[n-4:], crc32.Checksum(msg[:n-4], castagnoli))
	}
	return msg
}

func TestClearMoreToComeKeepsChecksumValid(t *testing.T) {
	msg := opMsgBytes(1, flagMoreToCome|flagChecksumPresent)
	clearMoreToCome(msg)

	if msgFlags(msg) != flagChecksumPresent {
		t.Fatalf("flags = %b", msgFlags(msg))
	}
	end := len(msg) - 4
	if binary.LittleEndian.Uint32(msg[end:]) != crc32.Checksum(msg[:end], castagnoli) {
		t.Fatal("checksum not recomputed")
	}
}

// fakeUpstream answers each request with `replies` messages, the last one without moreToCome.
func fakeUpstream(t *testing.T, conn net.Conn, replies int, seen chan<- uint32) {
	r := bufio.NewReader(conn)
	for {
		req, err := readMessage(r)
		if err != nil {
			return
		}
		seen <- msgFlags(req)
		for i := 1; i <= replies; i++ {
			var flags uint32
			if i < replies {
				flags = flagMoreToCome
			}
			if _, err = conn.Write(opMsgBytes(int32(i), flags)); err != nil {
				t.Error(err)
				return
			}
		}
	}
}

func TestRoundTrip(t *testing.T) {
	g := newGate(nil, true, slog.New(slog.NewTextHandler(io.Discard, nil)))

	t.Run("reads every reply of an exhaust sequence", func(t *testing.T) {
		client, server := net.Pipe()
		defer client.Close()
		seen := make(chan uint32, 1)
		go fakeUpstream(t, server, 3, seen)

		replies, err := g.roundTrip(opMsgBytes(7, 0), client, bufio.NewReader(client))
		if err != nil {
			t.Fatal(err)
		}
		if len(replies) != 3 {
			t.Fatalf("got %d replies, want 3", len(replies))
		}
	})

	t.Run("waits for and drops the reply FerretDB sends to a moreToCome request", func(t *testing.T) {
		client, server := net.Pipe()
		defer client.Close()
		seen := make(chan uint32, 2)
		go fakeUpstream(t, server, 1, seen)
		ur := bufio.NewReader(client)

		replies, err := g.roundTrip(opMsgBytes(8, flagMoreToCome), client, ur)
		if err != nil || replies != nil {
			t.Fatalf("replies = %v, err = %v; want none", replies, err)
		}
		if flags := <-seen; flags&flagMoreToCome != 0 {
			t.Fatal("moreToCome was forwarded")
		}

		// The next request must get its own reply, not the dropped one.
		replies, err = g.roundTrip(opMsgBytes(9, 0), client, ur)
		if err != nil || len(replies) != 1 {
			t.Fatalf("replies = %d, err = %v", len(replies), err)
		}
	})
}

func TestReadMessageRejectsBadLength(t *testing.T) {
	var buf [4]byte
	binary.LittleEndian.PutUint32(buf[:], 3)
	r := bufio.NewReader(bytes.NewReader(buf[:]))
	if _, err := readMessage(r); err == nil {
		t.Fatal("want error for a length shorter than the header")
	}
}

// commandMsg builds an OP_MSG whose body is {<name>: 1}, after an optional document sequence.
func commandMsg(name string, withSequence bool) []byte {
	var body bytes.Buffer
	if withSequence {
		// kind 1: int32 size, identifier "documents\x00", one empty document.
		id := []byte("documents\x00")
		seq := make([]byte, 4)
		binary.LittleEndian.PutUint32(seq, uint32(4+len(id)+5))
		body.WriteByte(1)
		body.Write(seq)
		body.Write(id)
		body.Write([]byte{5, 0, 0, 0, 0})
	}
	// kind 0: {name: int32 1}
	el := append(append([]byte{0x10}, append([]byte(name), 0)...), 1, 0, 0, 0)
	doc := make([]byte, 4, 4+len(el)+1)
	doc = append(append(doc, el...), 0)
	binary.LittleEndian.PutUint32(doc, uint32(len(doc)))
	body.WriteByte(0)
	body.Write(doc)

	n := headerLen + 4 + body.Len()
	msg := make([]byte, n)
	binary.LittleEndian.PutUint32(msg[0:], uint32(n))
	binary.LittleEndian.PutUint32(msg[12:], opMsg)
	copy(msg[20:], body.Bytes())
	return msg
}

func TestCommandName(t *testing.T) {
	for _, tc := range []struct {
		msg  []byte
		want string
		ok   bool
	}{
		{commandMsg("hello", false), "hello", true},
		{commandMsg("isMaster", true), "isMaster", true},
		{commandMsg("update", true), "update", true},
		{opMsgBytes(1, 0), "", false},               // empty body
		{opMsgBytes(1, 0)[:headerLen+2], "", false}, // truncated
	} {
		got, ok := commandName(tc.msg)
		if got != tc.want || ok != tc.ok {
			t.Errorf("commandName = %q, %v; want %q, %v", got, ok, tc.want, tc.ok)
		}
	}
	if !isHandshake(commandMsg("hello", false)) || isHandshake(commandMsg("find", false)) {
		t.Error("isHandshake: only hello and isMaster skip the queue")
	}
}

// While another command holds the gate, a hello is answered and a find waits.
func TestHelloSkipsTheQueue(t *testing.T) {
	g := newGate(nil, true, slog.New(slog.NewTextHandler(io.Discard, nil)))
	send := func(name string) <-chan error {
		client, server := net.Pipe()
		t.Cleanup(func() { client.Close() })
		go fakeUpstream(t, server, 1, make(chan uint32, 1))
		done := make(chan error, 1)
		go func() {
			replies, err := g.roundTrip(commandMsg(name, false), client, bufio.NewReader(client))
			if err == nil && len(replies) != 1 {
				err = fmt.Errorf("%s: %d replies", name, len(replies))
			}
			done <- err
		}()
		return done
	}

	g.mu.Lock() // a long command in flight
	find := send("find")
	select {
	case err := <-send("hello"):
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("hello waited for the gate")
	}
	select {
	case <-find:
		t.Fatal("find did not wait for the gate")
	case <-time.After(100 * time.Millisecond):
	}
	g.mu.Unlock()
	if err := <-find; err != nil {
		t.Fatal(err)
	}
}

// bsonDoc encodes a BSON document from key/value pairs; values are int32, string, bsonRaw (a
// nested document) or []bsonRaw (an array of documents). Enough to build test commands.
type bsonRaw []byte

func bsonDoc(kv ...any) bsonRaw {
	var els bytes.Buffer
	for i := 0; i+1 < len(kv); i += 2 {
		key := append([]byte(kv[i].(string)), 0)
		switch v := kv[i+1].(type) {
		case int:
			els.WriteByte(0x10)
			els.Write(key)
			_ = binary.Write(&els, binary.LittleEndian, int32(v))
		case string:
			els.WriteByte(0x02)
			els.Write(key)
			_ = binary.Write(&els, binary.LittleEndian, int32(len(v)+1))
			els.WriteString(v)
			els.WriteByte(0)
		case bsonRaw:
			els.WriteByte(0x03)
			els.Write(key)
			els.Write(v)
		case []bsonRaw:
			items := make([]any, 0, 2*len(v))
			for j, d := range v {
				items = append(items, fmt.Sprint(j), d)
			}
			els.WriteByte(0x04)
			els.Write(key)
			els.Write(bsonDoc(items...))
		default:
			panic(fmt.Sprintf("bsonDoc: %T", v))
		}
	}
	doc := make([]byte, 4, 4+els.Len()+1)
	doc = append(append(doc, els.Bytes()...), 0)
	binary.LittleEndian.PutUint32(doc, uint32(len(doc)))
	return doc
}

// bodyMsg wraps a BSON document as the body (kind 0) of an OP_MSG.
func bodyMsg(body bsonRaw) []byte {
	n := headerLen + 4 + 1 + len(body)
	msg := make([]byte, n)
	binary.LittleEndian.PutUint32(msg[0:], uint32(n))
	binary.LittleEndian.PutUint32(msg[12:], opMsg)
	msg[20] = 0
	copy(msg[21:], body)
	return msg
}

func aggregateMsg(stages ...bsonRaw) []byte {
	return bodyMsg(bsonDoc("aggregate", "missions", "pipeline", stages, "cursor", bsonDoc(), "$db", "app"))
}

func TestIsRead(t *testing.T) {
	match := bsonDoc("$match", bsonDoc("managerId", "U1"))
	group := bsonDoc("$group", bsonDoc("_id", "$status", "count", bsonDoc("$sum", 1)))
	for _, tc := range []struct {
		name string
		msg  []byte
		read bool
	}{
		{"find", bodyMsg(bsonDoc("find", "missions", "filter", bsonDoc("managerId", "U1"), "$db", "app")), true},
		{"getMore", bodyMsg(bsonDoc("getMore", 42, "collection", "missions", "$db", "app")), true},
		{"count", commandMsg("count", false), true},
		{"distinct", commandMsg("distinct", false), true},
		{"listCollections", commandMsg("listCollections", false), true},
		{"listIndexes", commandMsg("listIndexes", false), true},
		{"ping", commandMsg("ping", false), true},
		{"aggregate $match $group", aggregateMsg(match, group), true},
		{"aggregate on a field $outcome", aggregateMsg(bsonDoc("$match", bsonDoc("$outcome", "$merged"))), true},
		// A string value ending in "$out" looks like the stage to the byte search: it runs alone.
		{"aggregate whose data ends in $out", aggregateMsg(bsonDoc("$match", bsonDoc("title", "$out"))), false},
		{"aggregate … $out", aggregateMsg(match, bsonDoc("$out", "copy")), false},
		{"aggregate … $out {db, coll}", aggregateMsg(match, bsonDoc("$out", bsonDoc("db", "x", "coll", "y"))), false},
		{"aggregate … $merge", aggregateMsg(group, bsonDoc("$merge", bsonDoc("into", "counts"))), false},
		{"insert (with a document sequence)", commandMsg("insert", true), false},
		{"update", commandMsg("update", true), false},
		{"delete", commandMsg("delete", false), false},
		{"findAndModify", commandMsg("findAndModify", false), false},
		{"createIndexes", commandMsg("createIndexes", false), false},
		{"create", commandMsg("create", false), false},
		{"drop", commandMsg("drop", false), false},
		{"dropDatabase", commandMsg("dropDatabase", false), false},
		{"dropIndexes", commandMsg("dropIndexes", false), false},
		{"dbStats (runs ANALYZE)", commandMsg("dbStats", false), false},
		{"collStats (runs ANALYZE)", commandMsg("collStats", false), false},
		{"explain", commandMsg("explain", false), false},
		{"killCursors", commandMsg("killCursors", false), false},
		{"unknown command", commandMsg("frobnicate", false), false},
		{"a read name in another case", commandMsg("Find", false), false},
		{"empty body", opMsgBytes(1, 0), false},
		{"truncated", commandMsg("find", false)[:headerLen+6], false},
	} {
		if got := isRead(tc.msg); got != tc.read {
			t.Errorf("%s: isRead = %v, want %v", tc.name, got, tc.read)
		}
	}
}

// heldUpstream answers each request only when told to: it reports every request it receives on
// arrived, then waits for one value on release before replying.
type heldUpstream struct {
	arrived chan string
	release chan struct{}
}

func newHeldUpstream() *heldUpstream {
	return &heldUpstream{arrived: make(chan string, 16), release: make(chan struct{})}
}

// send runs one round trip of the command msg through g on a connection of its own, in the
// background; the channel gets its error (nil once the single reply came back).
func (h *heldUpstream) send(t *testing.T, g *gate, label string, msg []byte) <-chan error {
	t.Helper()
	client, server := net.Pipe()
	t.Cleanup(func() { client.Close() })
	go func() {
		r := bufio.NewReader(server)
		for {
			if _, err := readMessage(r); err != nil {
				return
			}
			h.arrived <- label
			<-h.release
			if _, err := server.Write(opMsgBytes(1, 0)); err != nil {
				return
			}
		}
	}()
	done := make(chan error, 1)
	go func() {
		replies, err := g.roundTrip(msg, client, bufio.NewReader(client))
		if err == nil && len(replies) != 1 {
			err = fmt.Errorf("%s: %d replies", label, len(replies))
		}
		done <- err
	}()
	return done
}

// expectArrival waits for the next request to reach FerretDB and checks which it is.
func (h *heldUpstream) expectArrival(t *testing.T, want string) {
	t.Helper()
	select {
	case got := <-h.arrived:
		if got != want {
			t.Fatalf("%s reached FerretDB, want %s", got, want)
		}
	case <-time.After(5 * time.Second):
		t.Fatalf("%s did not reach FerretDB", want)
	}
}

// expectNoArrival checks that nothing more reaches FerretDB for a while.
func (h *heldUpstream) expectNoArrival(t *testing.T, why string) {
	t.Helper()
	select {
	case got := <-h.arrived:
		t.Fatalf("%s reached FerretDB: %s", got, why)
	case <-time.After(150 * time.Millisecond):
	}
}

func finish(t *testing.T, done ...<-chan error) {
	t.Helper()
	for _, d := range done {
		select {
		case err := <-d:
			if err != nil {
				t.Fatal(err)
			}
		case <-time.After(5 * time.Second):
			t.Fatal("a command did not finish")
		}
	}
}

func quietGate() *gate {
	return newGate(nil, true, slog.New(slog.NewTextHandler(io.Discard, nil)))
}

var (
	findMsg   = bodyMsg(bsonDoc("find", "missions", "filter", bsonDoc("managerId", "U1"), "$db", "app"))
	updateMsg = commandMsg("update", true)
)

func TestReadsOverlap(t *testing.T) {
	g, up := quietGate(), newHeldUpstream()
	first := up.send(t, g, "find 1", findMsg)
	up.expectArrival(t, "find 1")
	second := up.send(t, g, "aggregate", aggregateMsg(bsonDoc("$match", bsonDoc("status", "active"))))
	up.expectArrival(t, "aggregate") // while find 1 is still in FerretDB
	up.release <- struct{}{}
	up.release <- struct{}{}
	finish(t, first, second)
}

func TestReadWaitsForWrite(t *testing.T) {
	g, up := quietGate(), newHeldUpstream()
	write := up.send(t, g, "update", updateMsg)
	up.expectArrival(t, "update")
	read := up.send(t, g, "find", findMsg)
	up.expectNoArrival(t, "a read ran beside a write")
	up.release <- struct{}{}
	up.expectArrival(t, "find")
	up.release <- struct{}{}
	finish(t, write, read)
}

func TestWriteWaitsForReadsInProgress(t *testing.T) {
	g, up := quietGate(), newHeldUpstream()
	r1 := up.send(t, g, "find 1", findMsg)
	up.expectArrival(t, "find 1")
	r2 := up.send(t, g, "find 2", findMsg)
	up.expectArrival(t, "find 2")
	write := up.send(t, g, "findAndModify", commandMsg("findAndModify", false))
	up.expectNoArrival(t, "a write ran beside reads")
	// A read that comes while the write waits queues behind it, so reads cannot starve writes.
	late := up.send(t, g, "find 3", findMsg)
	up.expectNoArrival(t, "a read overtook a waiting write")
	up.release <- struct{}{}
	up.expectNoArrival(t, "a write ran beside a read")
	up.release <- struct{}{}
	up.expectArrival(t, "findAndModify")
	up.expectNoArrival(t, "a read ran beside a write")
	up.release <- struct{}{}
	up.expectArrival(t, "find 3")
	up.release <- struct{}{}
	finish(t, r1, r2, write, late)
}

func TestAggregateWithOutIsAWrite(t *testing.T) {
	g, up := quietGate(), newHeldUpstream()
	read := up.send(t, g, "find", findMsg)
	up.expectArrival(t, "find")
	out := up.send(t, g, "aggregate $out", aggregateMsg(bsonDoc("$match", bsonDoc()), bsonDoc("$out", "copy")))
	up.expectNoArrival(t, "an aggregate with $out ran beside a read")
	up.release <- struct{}{}
	up.expectArrival(t, "aggregate $out")
	up.release <- struct{}{}
	finish(t, read, out)
}

// A moreToCome request is a fire-and-forget write: it runs alone whatever its name.
func TestMoreToComeRunsAlone(t *testing.T) {
	g, up := quietGate(), newHeldUpstream()
	read := up.send(t, g, "find", findMsg)
	up.expectArrival(t, "find")
	msg := bodyMsg(bsonDoc("find", "missions", "$db", "app"))
	binary.LittleEndian.PutUint32(msg[16:], flagMoreToCome)
	client, server := net.Pipe()
	t.Cleanup(func() { client.Close() })
	go func() {
		if _, err := readMessage(bufio.NewReader(server)); err == nil {
			up.arrived <- "moreToCome"
			<-up.release
			_, _ = server.Write(opMsgBytes(1, 0))
		}
	}()
	silent := make(chan error, 1)
	go func() {
		_, err := g.roundTrip(msg, client, bufio.NewReader(client))
		silent <- err
	}()
	up.expectNoArrival(t, "a moreToCome request ran beside a read")
	up.release <- struct{}{}
	up.expectArrival(t, "moreToCome")
	up.release <- struct{}{}
	finish(t, read, silent)
}
