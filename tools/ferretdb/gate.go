package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"log/slog"
	"net"
	"sync"
)

// Wire protocol constants (https://www.mongodb.com/docs/manual/reference/mongodb-wire-protocol/).
const (
	headerLen = 16
	// maxMessageLen matches the maxMessageSizeBytes FerretDB and MongoDB advertise in hello.
	maxMessageLen = 48_000_000

	opMsg = 2013

	flagChecksumPresent = 1 << 0
	flagMoreToCome      = 1 << 1
)

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// gate accepts client connections and forwards their messages to FerretDB, running a write alone
// across all connections. FerretDB 1.24 runs commands from different connections concurrently
// without making single-document updates atomic ($inc loses increments, findOneAndUpdate claims
// the same document twice); serialising writes at the wire level gives MongoDB's guarantees back.
// Commands that only read (see readCommands) share the gate with each other, never with a write.
type gate struct {
	dial      func() (net.Conn, error)
	serialise bool
	log       *slog.Logger

	// mu is held from the moment a request is written upstream until its whole reply is read:
	// shared by reads, exclusive for everything else. Go's RWMutex lets no new read in once a
	// write waits, so a stream of reads cannot starve the writes.
	mu sync.RWMutex

	connsMu sync.Mutex
	conns   map[net.Conn]struct{}
	wg      sync.WaitGroup
}

func newGate(dial func() (net.Conn, error), serialise bool, log *slog.Logger) *gate {
	return &gate{dial: dial, serialise: serialise, log: log, conns: map[net.Conn]struct{}{}}
}

// serve accepts connections until ctx is cancelled, then closes every open connection and waits
// for their goroutines, so FerretDB can shut down with no client left.
func (g *gate) serve(ctx context.Context, ln net.Listener) {
	go func() {
		<-ctx.Done()
		_ = ln.Close()
		g.connsMu.Lock()
		for c := range g.conns {
			_ = c.Close()
		}
		g.conns = nil // refuse connections accepted or dialled from now on
		g.connsMu.Unlock()
	}()

	for {
		c, err := ln.Accept()
		if err != nil {
			if ctx.Err() == nil {
				g.log.Error("accept failed", slog.String("error", err.Error()))
			}
			break
		}

		if !g.track(c) {
			_ = c.Close()
			break
		}

		g.wg.Add(1)
		go func() {
			defer g.wg.Done()
			defer g.untrack(c)
			g.handle(c)
		}()
	}

	g.wg.Wait()
}

func (g *gate) track(c net.Conn) bool {
	g.connsMu.Lock()
	defer g.connsMu.Unlock()
	if g.conns == nil {
		return false
	}
	g.conns[c] = struct{}{}
	return true
}

func (g *gate) untrack(c net.Conn) {
	g.connsMu.Lock()
	defer g.connsMu.Unlock()
	if g.conns != nil {
		delete(g.conns, c)
	}
}

// handle pairs one client connection with its own upstream connection, so FerretDB keeps
// per-connection state (cursors, lastError) per client.
func (g *gate) handle(client net.Conn) {
	defer client.Close()

	up, err := g.dial()
	if err != nil {
		g.log.Error("cannot reach FerretDB", slog.String("error", err.Error()))
		return
	}
	defer up.Close()

	// Shutdown closes the upstream too, so a command stuck in FerretDB cannot block it.
	if !g.track(up) {
		return
	}
	defer g.untrack(up)

	cr := bufio.NewReaderSize(client, 64<<10)
	ur := bufio.NewReaderSize(up, 64<<10)

	for {
		req, err := readMessage(cr)
		if err != nil {
			if !errors.Is(err, io.EOF) && !errors.Is(err, net.ErrClosed) {
				g.log.Warn("client read failed", slog.String("error", err.Error()))
			}
			return
		}

		replies, err := g.roundTrip(req, up, ur)
		if err != nil {
			if !errors.Is(err, net.ErrClosed) {
				g.log.Warn("upstream exchange failed", slog.String("error", err.Error()))
			}
			return
		}

		if len(replies) == 0 {
			continue
		}
		bufs := net.Buffers(replies)
		if _, err = bufs.WriteTo(client); err != nil {
			return
		}
	}
}

// roundTrip forwards one request and reads its complete reply while holding the process-wide lock
// (shared for a read, exclusive otherwise). It returns the replies to send to the client (none for
// a moreToCome request).
func (g *gate) roundTrip(req []byte, up net.Conn, ur *bufio.Reader) ([][]byte, error) {
	silent := false
	if opCode(req) == opMsg && msgFlags(req)&flagMoreToCome != 0 {
		// A moreToCome request (w:0 write) expects no reply, but FerretDB 1.24 ignores the flag and
		// answers anyway; left unread, that answer would be taken as the reply to the next request.
		// Clearing the flag makes the server's behaviour well defined, and waiting for the (dropped)
		// reply keeps the write inside the mutex like any other command.
		clearMoreToCome(req)
		silent = true
	}

	// hello/isMaster only describe the server and change nothing: they skip the queue. The driver's
	// monitor sends them on a timeout (30 s); queued behind a long command they would time out, and
	// the driver would then clear its pool and interrupt every command in flight.
	switch {
	case !g.serialise || isHandshake(req):
	case !silent && isRead(req):
		g.mu.RLock()
		defer g.mu.RUnlock()
	default:
		g.mu.Lock()
		defer g.mu.Unlock()
	}

	if _, err := up.Write(req); err != nil {
		return nil, fmt.Errorf("write upstream: %w", err)
	}

	var replies [][]byte
	for {
		res, err := readMessage(ur)
		if err != nil {
			return nil, fmt.Errorf("read upstream: %w", err)
		}
		replies = append(replies, res)

		// An exhaust reply (moreToCome set) is followed by more replies to the same request.
		if opCode(res) != opMsg || msgFlags(res)&flagMoreToCome == 0 {
			break
		}
	}

	if silent {
		return nil, nil
	}
	return replies, nil
}

// readMessage reads one whole wire message; its first int32 (little-endian) is the total length.
func readMessage(r *bufio.Reader) ([]byte, error) {
	var lenBuf [4]byte
	if _, err := io.ReadFull(r, lenBuf[:]); err != nil {
		return nil, err
	}

	n := int32(binary.LittleEndian.Uint32(lenBuf[:]))
	if n < headerLen || n > maxMessageLen {
		return nil, fmt.Errorf("invalid message length %d", n)
	}

	msg := make([]byte, n)
	copy(msg, lenBuf[:])
	if _, err := io.ReadFull(r, msg[4:]); err != nil {
		return nil, err
	}
	return msg, nil
}

func opCode(msg []byte) int32 {
	return int32(binary.LittleEndian.Uint32(msg[12:16]))
}

// msgFlags returns the OP_MSG flag bits, or 0 if the message is too short to carry them.
func msgFlags(msg []byte) uint32 {
	if len(msg) < headerLen+4 {
		return 0
	}
	return binary.LittleEndian.Uint32(msg[16:20])
}

// clearMoreToCome clears the moreToCome bit of an OP_MSG in place, recomputing the CRC-32C
// checksum when present since it covers the flag bits.
func clearMoreToCome(msg []byte) {
	flags := msgFlags(msg) &^ flagMoreToCome
	binary.LittleEndian.PutUint32(msg[16:20], flags)

	if flags&flagChecksumPresent != 0 && len(msg) >= headerLen+8 {
		end := len(msg) - 4
		binary.LittleEndian.PutUint32(msg[end:], crc32.Checksum(msg[:end], castagnoli))
	}
}

// handshakeCommands are the commands the gate lets through without the mutex.
var handshakeCommands = map[string]bool{"hello": true, "isMaster": true, "ismaster": true}

// isHandshake reports whether req is an OP_MSG whose command (the first key of its body section)
// is hello or isMaster.
func isHandshake(req []byte) bool {
	name, ok := commandName(req)
	return ok && handshakeCommands[name]
}

// readCommands change nothing in the data, so they may run together (never beside a write).
// Checked in FerretDB 1.24's handlers: they only query the backend (SQLite in WAL mode, where
// readers do not lock each other; PostgreSQL), and never create a database or collection. Left
// out on purpose, so they run alone: dbStats, collStats and validate (they run ANALYZE), explain,
// killCursors, endSessions, and every command not named here. Names are matched exactly.
var readCommands = map[string]bool{
	"find":             true,
	"aggregate":        true, // unless its pipeline writes (writesOutput)
	"count":            true,
	"distinct":         true,
	"getMore":          true, // continues the cursor of a find or an aggregate, both reads
	"listCollections":  true,
	"listIndexes":      true,
	"listDatabases":    true,
	"ping":             true,
	"buildInfo":        true,
	"connectionStatus": true,
	"whatsmyuri":       true,
}

// isRead reports whether req is an OP_MSG command that only reads. Anything it cannot tell
// (another op code, a malformed body, an unknown command) counts as a write and runs alone.
func isRead(req []byte) bool {
	name, ok := commandName(req)
	if !ok || !readCommands[name] {
		return false
	}
	return name != "aggregate" || !writesOutput(req)
}

// outputStages are the aggregation stages that write. A key is encoded as its type byte, the
// name, then NUL, so looking for "$out\x00" anywhere in the message finds such a stage at any
// depth; a false match (the same bytes inside a string value) only makes the command run alone.
var outputStages = [][]byte{[]byte("$out\x00"), []byte("$merge\x00")}

// writesOutput reports whether an aggregate may write its result ($out, $merge). FerretDB 1.24
// rejects both stages, but a later version may not.
func writesOutput(msg []byte) bool {
	for _, stage := range outputStages {
		if bytes.Contains(msg, stage) {
			return true
		}
	}
	return false
}

// commandName returns the first key of an OP_MSG's body (kind 0) section, skipping document
// sequences (kind 1); ok is false for other op codes and malformed messages.
func commandName(msg []byte) (string, bool) {
	if len(msg) < headerLen+4 || opCode(msg) != opMsg {
		return "", false
	}
	end := len(msg)
	if msgFlags(msg)&flagChecksumPresent != 0 {
		end -= 4
	}
	for i := headerLen + 4; i+5 <= end; {
		kind := msg[i]
		size := int(binary.LittleEndian.Uint32(msg[i+1 : i+5]))
		if size < 5 || i+1+size > end {
			return "", false
		}
		if kind == 1 {
			i += 1 + size
			continue
		}
		if kind != 0 {
			return "", false
		}
		// The document: int32 length, then elements (type byte, NUL-terminated key, value).
		doc := msg[i+1 : i+1+size]
		if doc[4] == 0 {
			return "", false // empty document
		}
		key := doc[5:]
		if n := bytes.IndexByte(key, 0); n >= 0 {
			return string(key[:n]), true
		}
		return "", false
	}
	return "", false
}
