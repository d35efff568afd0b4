package org.smarttown.tools.pg;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Runs a PostgreSQL server embedded in a jar for {@code ./smarttown up}, on a machine where no
 * PostgreSQL answers: starts it on 127.0.0.1 with a data directory that survives restarts, creates
 * the roles and databases of {@code dev/init-databases.sql} and stays up until the process is
 * told to stop (SIGTERM from {@code ./smarttown down}), when it stops the server cleanly.
 *
 * <p>
 * Options (all {@code --name=value}): {@code --port} (default 5432), {@code --data} (data
 * directory, default {@code .run/postgres/data}), {@code --work} (where the binaries are unpacked,
 * default {@code .run/postgres/work}), {@code --init-sql} (default {@code dev/init-databases.sql}),
 * and {@code --init-only}, which starts nothing and only applies the SQL to the server already
 * answering on {@code --port} (for a machine with a PostgreSQL but no {@code psql}).
 * <p>
 * Local development only: the server trusts every local connection, like the test databases.
 */
public final class EmbeddedPostgresLauncher {

    private EmbeddedPostgresLauncher() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = parse(args);
        int port = Integer.parseInt(options.getOrDefault("port", "5432"));
        Path initSql = Path.of(options.getOrDefault("init-sql", "dev/init-databases.sql"));

        if (options.containsKey("init-only")) {
            applyInitSql(port, initSql);
            System.out.println("SmartTown: applied " + initSql + " to the PostgreSQL on 127.0.0.1:" + port);
            return;
        }

        Path data = Path.of(options.getOrDefault("data", ".run/postgres/data")).toAbsolutePath();
        Path work = Path.of(options.getOrDefault("work", ".run/postgres/work")).toAbsolutePath();
        Files.createDirectories(data.getParent());
        Files.createDirectories(work);

        // Keep the data between runs (clean=false), so demo data survives `down` and `up`; our own
        // shutdown hook stops the server, so the order of shutdown is ours.
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(data)
                .setOverrideWorkingDirectory(work.toFile())
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                // The C locale exists everywhere; the encoding stays UTF-8 (Korean names).
                .setLocaleConfig("locale", "C")
                .setServerConfig("listen_addresses", "127.0.0.1")
                // TCP only: no socket file in /tmp that could collide with another server's.
                .setServerConfig("unix_socket_directories", "''")
                .setServerConfig("max_connections", "200")
                .setPGStartupWait(Duration.ofSeconds(60))
                .start();

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("SmartTown: stopping the embedded PostgreSQL on port " + port);
            try {
                postgres.close();
            } catch (IOException e) {
                System.err.println("SmartTown: could not stop PostgreSQL cleanly: " + e.getMessage());
            }
            stopped.countDown();
        }, "embedded-postgres-stop"));

        applyInitSql(port, initSql);
        // ./smarttown waits for this line (and for the port) before going on.
        System.out.println("SmartTown: embedded PostgreSQL ready on 127.0.0.1:" + port + " (data in " + data + ")");
        System.out.flush();
        stopped.await();
    }

    /**
     * Applies a psql script of the shape of dev/init-databases.sql over JDBC, so that file stays
     * the single list of roles and databases. Each part that ends with a {@code \gexec} line is a
     * query whose every non-null value is then executed as a statement, as psql does; a last part
     * without {@code \gexec} is executed as it is. No other psql meta-command is understood.
     */
    static void applyInitSql(int port, Path script) throws IOException, SQLException {
        String text = Files.readString(script, StandardCharsets.UTF_8);
        String user = System.getenv().getOrDefault("PGUSER", "postgres");
        String password = System.getenv().getOrDefault("PGPASSWORD", "");
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
        try (Connection connection = DriverManager.getConnection(url, user, password);
                Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true); // CREATE DATABASE refuses to run inside a transaction
            StringBuilder part = new StringBuilder();
            for (String line : text.split("\\R")) {
                if (line.strip().equals("\\gexec")) {
                    gexec(statement, part.toString());
                    part.setLength(0);
                } else if (line.strip().startsWith("\\")) {
                    throw new IllegalArgumentException(script + ": only \\gexec is understood, not " + line.strip());
                } else {
                    part.append(line).append('\n');
                }
            }
            if (hasSql(part.toString())) {
                statement.execute(part.toString());
            }
        }
    }

    private static void gexec(Statement statement, String query) throws SQLException {
        if (!hasSql(query)) {
            return;
        }
        List<String> generated = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery(query)) {
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                for (int i = 1; i <= columns; i++) {
                    String sql = rows.getString(i);
                    if (sql != null) {
                        generated.add(sql);
                    }
                }
            }
        }
        for (String sql : generated) {
            System.out.println("SmartTown: " + sql.replaceAll("password '[^']*'", "password '***'"));
            statement.execute(sql);
        }
    }

    private static boolean hasSql(String part) {
        return part.lines().map(String::strip).anyMatch(l -> !l.isEmpty() && !l.startsWith("--"));
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unknown argument " + arg + " (options look like --port=5432)");
            }
            int eq = arg.indexOf('=');
            options.put(eq < 0 ? arg.substring(2) : arg.substring(2, eq), eq < 0 ? "" : arg.substring(eq + 1));
        }
        return options;
    }
}
