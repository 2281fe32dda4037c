package se.basutbud.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a Node script of src/test with the tools the build installed into target/node (npm ci of
 * src/test/node/package.json), and gives its output; a failure or a time-out fails the test with what the
 * script said.
 */
public final class NodeScript {

    private static final Path TOOLS = Path.of("target", "node", "node_modules");

    private NodeScript() {}

    public static String run(Path script, long timeoutSeconds, String... arguments)
            throws IOException, InterruptedException {
        if (!Files.isDirectory(TOOLS)) {
            throw new IllegalStateException(TOOLS + " is missing: the build installs it (./mvnw verify, or "
                    + "./mvnw generate-test-resources before running one test)");
        }
        List<String> command = new ArrayList<>(List.of("node", script.toString()));
        command.addAll(List.of(arguments));
        Path output = Files.createTempFile("basutbud-node-", ".out");
        Path errors = Files.createTempFile("basutbud-node-", ".err");
        try {
            ProcessBuilder builder =
                    new ProcessBuilder(command).redirectOutput(output.toFile()).redirectError(errors.toFile());
            builder.environment().put("NODE_PATH", TOOLS.toAbsolutePath().toString());
            Process process = builder.start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(script + " did not finish within " + timeoutSeconds + " s: "
                        + Files.readString(errors, StandardCharsets.UTF_8));
            }
            if (process.exitValue() != 0) {
                throw new AssertionError(script + " failed (" + process.exitValue() + "): "
                        + Files.readString(errors, StandardCharsets.UTF_8));
            }
            return Files.readString(output, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(output);
            Files.deleteIfExists(errors);
        }
    }
}
