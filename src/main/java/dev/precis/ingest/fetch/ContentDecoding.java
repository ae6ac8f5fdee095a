package dev.precis.ingest.fetch;

import dev.precis.api.ProblemException;
import dev.precis.api.ProblemType;
import dev.precis.net.Printable;
import org.brotli.dec.BrotliInputStream;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * Undoes the {@code Content-Encoding} of a response (gzip, deflate, br), reading at most a given number of
 * bytes, so a small compressed body cannot expand into an unbounded one.
 */
final class ContentDecoding {

    /** The decoded bytes, and whether the limit cut them. */
    record Decoded(byte[] bytes, boolean truncated) {
    }

    private ContentDecoding() {
    }

    /** Servers apply one coding, now and then two; a longer list only multiplies the work of undoing it. */
    private static final int MAX_CODINGS = 2;

    static Decoded decode(byte[] raw, String contentEncoding, long maxBytes, boolean rawTruncated) {
        List<String> codings = new ArrayList<>();
        if (contentEncoding != null) {
            for (String coding : contentEncoding.toLowerCase(Locale.ROOT).split(",")) {
                if (!coding.isBlank() && !coding.strip().equals("identity")) {
                    codings.add(coding.strip());
                }
            }
        }
        if (codings.size() > MAX_CODINGS) {
            throw new ProblemException(ProblemType.FETCH_FAILED.problem("The origin sent the page with "
                    + codings.size() + " content codings; precis undoes at most " + MAX_CODINGS + "."));
        }
        byte[] bytes = raw;
        boolean truncated = rawTruncated;
        // Codings are listed in the order they were applied, so they are undone from the last.
        for (int i = codings.size() - 1; i >= 0; i--) {
            Decoded decoded = read(open(codings.get(i), bytes), maxBytes);
            bytes = decoded.bytes();
            truncated |= decoded.truncated();
        }
        if (bytes.length > maxBytes) {
            byte[] cut = new byte[(int) maxBytes];
            System.arraycopy(bytes, 0, cut, 0, cut.length);
            return new Decoded(cut, true);
        }
        return new Decoded(bytes, truncated);
    }

    private static InputStream open(String coding, byte[] bytes) {
        try {
            return switch (coding) {
                case "gzip", "x-gzip" -> new GZIPInputStream(new ByteArrayInputStream(bytes));
                // "deflate" is meant to be zlib-wrapped, but some servers send the raw stream.
                case "deflate" -> inflating(bytes);
                case "br" -> new BrotliInputStream(new ByteArrayInputStream(bytes));
                default -> throw new ProblemException(ProblemType.FETCH_FAILED.problem(
                        "The origin sent the page in an encoding precis cannot read (" + Printable.of(coding, 40) + ")."));
            };
        } catch (IOException e) {
            throw new ProblemException(ProblemType.FETCH_FAILED.problem("The origin sent a page that is not valid " + coding + "."));
        }
    }

    /** An inflating stream that frees its inflater's native memory when closed (the stream does not own it). */
    private static InputStream inflating(byte[] bytes) {
        Inflater inflater = new Inflater(!hasZlibHeader(bytes));
        return new InflaterInputStream(new ByteArrayInputStream(bytes), inflater) {
            @Override
            public void close() throws IOException {
                try {
                    super.close();
                } finally {
                    inflater.end();
                }
            }
        };
    }

    private static boolean hasZlibHeader(byte[] bytes) {
        return bytes.length >= 2 && (bytes[0] & 0x0f) == 8 && ((bytes[0] & 0xff) << 8 | (bytes[1] & 0xff)) % 31 == 0;
    }

    /** Reads up to {@code maxBytes}; a stream that ends early (a cut download) keeps what was read. */
    private static Decoded read(InputStream in, long maxBytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        try (in) {
            while (out.size() <= maxBytes) {
                int n = in.read(buffer);
                if (n < 0) {
                    return new Decoded(out.toByteArray(), false);
                }
                out.write(buffer, 0, n);
            }
            return new Decoded(out.toByteArray(), true);
        } catch (EOFException e) {
            return new Decoded(out.toByteArray(), true);
        } catch (IOException e) {
            if (out.size() > 0) {
                return new Decoded(out.toByteArray(), true);
            }
            throw new ProblemException(ProblemType.FETCH_FAILED.problem("The origin sent a compressed page that cannot be decompressed."));
        }
    }
}
