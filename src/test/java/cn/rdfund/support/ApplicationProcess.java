package cn.rdfund.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The application as an operating-system process of its own, started from the test's classpath (without the test
 * classes and test resources) the way {@code java -jar} would start it, for tests that kill it with SIGKILL. Its
 * console output goes to {@code target/test-logs/}. Closing it kills it if it still runs, also when the test JVM
 * exits early.
 */
public final class ApplicationProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

    private final Process process;
    private final int port;
    private final Path consoleLog;
    private final Thread killOnExit;

    private ApplicationProcess(Process process, int port, Path consoleLog) {
        this.process = process;
        this.port = port;
        this.consoleLog = consoleLog;
        this.killOnExit = new Thread(process::destroyForcibly, "kill-" + consoleLog.getFileName());
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    /**
     * What to start: a main class on the test's classpath (with or without the test classes and test resources),
     * with these JVM options.
     */
    public record Launch(String mainClass, List<String> jvmOptions, boolean withTestClasses) {

        /**
         * RDFund as shipped, with the test JVM's choices for a short run: C1 only, the serial collector, class
         * metadata room for a start without full collections, loaded classes not verified again (pom.xml, argLine).
         */
        public static final Launch QUICK = new Launch("cn.rdfund.RdfundApplication",
                List.of("-Xmx768m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:MetaspaceSize=256m",
                        "-XX:+UnlockDiagnosticVMOptions", "-XX:-BytecodeVerificationRemote"), false);
    }

    /**
     * Starts {@code cn.rdfund.RdfundApplication} in {@code workingDirectory} (where the default profile keeps its
     * H2 database, {@code ./data/}) with these Spring Boot arguments, and waits until it accepts traffic.
     */
    public static ApplicationProcess start(Path workingDirectory, String name, List<String> arguments) {
        return start(Launch.QUICK, workingDirectory, name, arguments);
    }

    /**
     * Starts what {@code launch} names in {@code workingDirectory} with these Spring Boot arguments and waits until it
     * accepts traffic (its readiness probe answers 200).
     */
    public static ApplicationProcess start(Launch launch, Path workingDirectory, String name, List<String> arguments) {
        int port = freePort();
        Path consoleLog = Path.of("target", "test-logs", name + ".log").toAbsolutePath();
        List<String> command = new ArrayList<>(List.of(javaExecutable()));
        command.addAll(launch.jvmOptions());
        command.addAll(List.of("-Duser.timezone=Asia/Shanghai", "-cp", classpath(launch.withTestClasses()),
                launch.mainClass(), "--server.port=" + port));
        command.addAll(arguments);
        try {
            Files.createDirectories(consoleLog.getParent());
            ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
                    .redirectErrorStream(true).redirectOutput(consoleLog.toFile());
            // The child reads its configuration from the arguments only, not from this machine's environment.
            builder.environment().keySet().removeIf(key -> key.startsWith("SPRING_") || key.startsWith("RDFUND_"));
            ApplicationProcess application = new ApplicationProcess(builder.start(), port, consoleLog);
            try {
                application.awaitReady();
            } catch (RuntimeException | Error e) {
                application.close();
                throw e;
            }
            return application;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    /** The CPU time the process has used so far, all its threads together. */
    public Duration cpuTime() {
        return process.toHandle().info().totalCpuDuration()
                .orElseThrow(() -> new IllegalStateException("This system does not report a process's CPU time"));
    }

    /**
     * The CPU time so far of the process's threads of each named {@link ThreadKind} (not {@link ThreadKind#OTHER}: the
     * rest of {@link #cpuTime}, threads that have ended included), as Linux reports each thread's time in
     * {@code /proc/<pid>/task/<thread>/stat}. Empty where there is no such directory.
     */
    public Map<ThreadKind, Duration> cpuTimeByThreadKind() {
        Path threads = Path.of("/proc", Long.toString(process.pid()), "task");
        Map<ThreadKind, Duration> byKind = new EnumMap<>(ThreadKind.class);
        if (!Files.isDirectory(threads)) {
            return byKind;
        }
        try (var each = Files.newDirectoryStream(threads)) {
            for (Path thread : each) {
                readThread(thread.resolve("stat"), byKind);
            }
        } catch (IOException | UncheckedIOException | DirectoryIteratorException processEnded) {
            // what was read until then
        }
        return byKind;
    }

    /** What a JVM thread of a Spring Boot and Camunda application does, told by its name. */
    public enum ThreadKind {
        /** Tomcat's threads (its request threads, and its poller and acceptor): the requests and the commands they run. */
        REQUESTS("http-nio-.*", "requests (Tomcat's threads)"),
        /** Camunda's job executor: acquiring jobs and running them (timers, asynchronous continuations). */
        JOBS("camundaTaskExec.*|JobExecutor.*", "jobs (the job executor)"),
        /** The just-in-time compiler: compiling the code paths the process runs, until they are all compiled. */
        JIT_COMPILER("C[12] CompilerThre.*", "the JIT compiler"),
        /** The collector's threads, and the VM thread that runs its pauses (and the JVM's other safepoint work). */
        GARBAGE_COLLECTOR("GC Thread.*|G1 .*|VM Thread", "the garbage collector (and the VM thread)"),
        /** Every other thread, and threads that have ended (so a pool thread that ends between two readings). */
        OTHER(".*", "other threads");

        private final String threadNames;
        private final String label;

        ThreadKind(String threadNames, String label) {
            this.threadNames = threadNames;
            this.label = label;
        }

        /** What the benchmarks' reports call it. */
        public String label() {
            return label;
        }

        static ThreadKind of(String threadName) {
            return Arrays.stream(values()).filter(kind -> threadName.matches(kind.threadNames)).findFirst()
                    .orElseThrow();
        }
    }

    /** Linux's USER_HZ, the unit of a thread's times in {@code /proc}: 100 on every usual kernel. */
    private static final long CLOCK_TICKS_PER_SECOND = 100;

    private static void readThread(Path stat, Map<ThreadKind, Duration> byKind) {
        String line;
        try {
            line = Files.readString(stat);
        } catch (IOException threadEnded) {
            return;
        }
        // pid (name) state ppid pgrp session tty_nr tpgid flags minflt cminflt majflt cmajflt utime stime …
        int nameEnd = line.lastIndexOf(')');
        String name = line.substring(line.indexOf('(') + 1, nameEnd);
        String[] fields = line.substring(nameEnd + 2).split(" ");
        ThreadKind kind = ThreadKind.of(name);
        if (kind != ThreadKind.OTHER) {
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            byKind.merge(kind, Duration.ofMillis(ticks * 1000 / CLOCK_TICKS_PER_SECOND), Duration::plus);
        }
    }

    /** SIGKILL, as {@code kill -9}: no shutdown hook, no graceful shutdown, no database close. */
    public void killHard() {
        process.destroyForcibly();
        awaitExit();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            killHard();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
    }

    private void awaitExit() {
        try {
            if (!process.waitFor(1, TimeUnit.MINUTES)) {
                throw new IllegalStateException("The application did not end after SIGKILL: " + consoleLog);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void awaitReady() {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest readiness = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/actuator/health/readiness")).timeout(Duration.ofSeconds(5)).GET().build();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The application ended while starting (exit code "
                        + process.exitValue() + "); see " + consoleLog + ":\n" + tail());
            }
            try {
                if (client.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYetListening) {
                // starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            pause();
        }
        throw new IllegalStateException("The application was not ready after " + START_TIMEOUT + "; see "
                + consoleLog + ":\n" + tail());
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(consoleLog, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(console log unreadable: " + e + ")";
        }
    }

    private static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The test's classpath, by default without its test classes: main classes, resources, models, dependencies. */
    private static String classpath(boolean withTestClasses) {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return String.join(File.pathSeparator, Arrays.stream(classpath.split(File.pathSeparator))
                .filter(entry -> withTestClasses || !Path.of(entry).normalize().endsWith(Path.of("target", "test-classes")))
                .toList());
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
