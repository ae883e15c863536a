package io.archlens.robustness;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * An in-memory pipe for the in-process server: unlike {@code PipedInputStream} it does not break when a writing
 * thread ends, and unlike an NIO pipe an interrupted writer (the server cancels its own tasks by interrupting
 * them) does not close it. Bounded: a writer waits while the reader is behind.
 */
final class BlockingPipe {
    /** The message of a write to a closed pipe: what an abandoned server's late writes fail with. */
    static final String CLOSED = "robustness harness pipe closed";
    private final byte[] buf = new byte[1 << 20];
    private int head;
    private int size;
    private boolean closed;

    final InputStream in = new InputStream() {
        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            synchronized (BlockingPipe.this) {
                boolean interrupted = false;
                while (size == 0 && !closed) {
                    try {
                        BlockingPipe.this.wait();
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
                if (size == 0) {
                    return -1;
                }
                int n = Math.min(len, Math.min(size, buf.length - head));
                System.arraycopy(buf, head, b, off, n);
                head = (head + n) % buf.length;
                size -= n;
                BlockingPipe.this.notifyAll();
                return n;
            }
        }

        @Override
        public void close() {
            BlockingPipe.this.close();
        }
    };

    final OutputStream out = new OutputStream() {
        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            synchronized (BlockingPipe.this) {
                boolean interrupted = false;
                try {
                    while (len > 0) {
                        while (size == buf.length && !closed) {
                            try {
                                BlockingPipe.this.wait();
                            } catch (InterruptedException e) {
                                interrupted = true;
                            }
                        }
                        if (closed) {
                            throw new IOException(CLOSED);
                        }
                        int tail = (head + size) % buf.length;
                        int n = Math.min(len, Math.min(buf.length - size, buf.length - tail));
                        System.arraycopy(b, off, buf, tail, n);
                        size += n;
                        off += n;
                        len -= n;
                        BlockingPipe.this.notifyAll();
                    }
                } finally {
                    if (interrupted) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        }

        @Override
        public void close() {
            BlockingPipe.this.close();
        }
    };

    synchronized void close() {
        closed = true;
        notifyAll();
    }
}
