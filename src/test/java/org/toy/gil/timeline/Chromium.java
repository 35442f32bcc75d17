package org.toy.gil.timeline;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Headless Chromium as a test's eyes: a page in, a PNG screenshot out. The binary is Debian's
 * {@code chromium} (or {@code chromium-browser}, or {@code $TOY_CHROMIUM}); {@code .ci/run}
 * installs it when it is missing. Its profile goes in a scratch directory under {@code target/},
 * removed afterwards.
 */
final class Chromium {
    private final Path binary;

    private Chromium(Path binary) {
        this.binary = binary;
    }

    /** The browser, if this machine has one. */
    static Optional<Chromium> find() {
        String configured = System.getenv("TOY_CHROMIUM");
        if (configured != null && Files.isExecutable(Path.of(configured))) return Optional.of(new Chromium(Path.of(configured)));
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String name : List.of("chromium", "chromium-browser")) {
                Path p = Path.of(dir, name);
                if (!dir.isEmpty() && Files.isExecutable(p)) return Optional.of(new Chromium(p));
            }
        }
        return Optional.empty();
    }

    /** Renders {@code page} in a {@code width}×{@code height} window and saves the screenshot as {@code png}. */
    void screenshot(Path page, Path png, int width, int height) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(Path.of("target"), "chromium-profile-");
        try {
            Files.deleteIfExists(png);
            Process p = new ProcessBuilder(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                    "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--hide-scrollbars", "--user-data-dir=" + profile.toAbsolutePath(),
                    "--window-size=" + width + "," + height, "--screenshot=" + png.toAbsolutePath(),
                    page.toAbsolutePath().toUri().toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new IOException("chromium did not finish the screenshot of " + page + " in 120 s");
            }
            if (!Files.isRegularFile(png)) throw new IOException("chromium exited " + p.exitValue() + " without writing " + png);
        } finally {
            deleteTree(profile);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
