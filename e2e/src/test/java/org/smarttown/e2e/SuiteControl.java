package org.smarttown.e2e;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Breaks and mends parts of the running local suite, for the resilience tests: a component is
 * stopped with a signal to its process group (the pid files of {@code ./smarttown}), and
 * {@code ./smarttown up} starts again whatever is missing (without rebuilding or reloading the
 * demo data).
 */
final class SuiteControl {

    private static final Path HOME = Path.of(System.getProperty("smarttown.home", "..")).toAbsolutePath().normalize();

    private SuiteControl() {
    }

    /** Sends the signal (TERM, KILL) to the component's whole process group and waits for it to go. */
    static void stop(String component, String signal) {
        long pid = pidOf(component);
        exec(Duration.ofSeconds(10), "kill", "-" + signal, "--", "-" + pid);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(component + " (pid " + pid + ") did not stop after SIG" + signal);
            }
            sleep(Duration.ofMillis(100));
        }
    }

    /** Starts whatever part of the suite is not running, and waits until everything is ready. */
    static void startMissing() {
        File log = HOME.resolve("e2e/target/smarttown-restart.log").toFile();
        log.getParentFile().mkdirs();
        try {
            ProcessBuilder builder = new ProcessBuilder(HOME.resolve("smarttown").toString(), "up")
                    .directory(HOME.toFile()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log));
            builder.environment().put("SMARTTOWN_SKIP_BUILD", "1");
            builder.environment().put("SMARTTOWN_SKIP_DEMO", "1");
            Process process = builder.start();
            if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("./smarttown up did not restart the suite; see " + log);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** True when ./smarttown uses the machine's PostgreSQL (not an embedded one of its own). */
    static boolean machinePostgres() {
        return !Files.exists(HOME.resolve(".run/pids/postgres.pid"));
    }

    /** Runs a command and waits for it; its output goes to the e2e log folder. */
    static int exec(Duration timeout, String... command) {
        try {
            Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(HOME.resolve("e2e/target/suite-control.log").toFile()))
                    .start();
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish within " + timeout);
            }
            return process.exitValue();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static long pidOf(String component) {
        try {
            return Long.parseLong(Files.readString(HOME.resolve(".run/pids/" + component + ".pid")).strip());
        } catch (IOException e) {
            throw new IllegalStateException("no pid file for " + component + ": is the suite running from " + HOME + "?", e);
        }
    }
}
