package com.storyloop.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.postgresql.ds.PGSimpleDataSource;

import com.storyloop.eventing.relay.OutboxRelay;

/** Entry point of the `storyloop` script. */
public final class Storyloop {

    private Storyloop() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, System.getenv(), out, err);
    }

    /** {@code environment}: the variables the platform's configuration is read from (ports, data folder). */
    static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        if (args.length == 0 || List.of("help", "-h", "--help").contains(args[0])) {
            out.println(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        String command = args[0];
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        try {
            PlatformConfig config = PlatformConfig.fromEnvironment(environment);
            Platform platform = new Platform(config, out);
            switch (command) {
                case "up" -> platform.up(!List.of(rest).contains("--no-demo"));
                case "down" -> platform.down();
                case "status" -> platform.status();
                case "logs" -> platform.logs(rest.length > 0 ? Optional.of(rest[0]) : Optional.empty(), 200);
                case "reset" -> platform.reset();
                case "republish" -> republish(config, rest, out);
                case "import" -> ImportCommand.run(config, rest, out);
                case "rebuild" -> RebuildCommand.run(config, rest, out);
                case "token" -> TokenCommand.run(config, rest, out);
                default -> {
                    err.println("Unknown command: " + command + "\n" + USAGE);
                    return 2;
                }
            }
            return 0;
        } catch (CliException | IllegalStateException | IllegalArgumentException e) {
            err.println("storyloop " + command + ": " + e.getMessage());
            return 1;
        }
    }

    /** `republish SERVICE --from N`: the service's relay sends every event from position N again. */
    private static void republish(PlatformConfig config, String[] args, PrintStream out) {
        if (args.length != 3 || !args[1].equals("--from")) {
            throw new CliException("usage: storyloop republish SERVICE --from POSITION");
        }
        PlatformConfig.Service service = config.service(args[0]);
        long from;
        try {
            from = Long.parseLong(args[2]);
        } catch (NumberFormatException e) {
            throw new CliException("--from takes an event position (a whole number), not " + args[2]);
        }
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(config.jdbcUrl() + "?currentSchema=" + service.schema());
        dataSource.setUser("postgres");
        long again = OutboxRelay.republishFrom(dataSource, service.name(), from);
        out.println(again == 0 ? service.name() + ": nothing to do, the relay has not published position " + from + " yet"
                : service.name() + ": the relay will publish " + again + " events again, every event from position " + from
                        + " on (consumers ignore the ones they already applied)");
    }

    static final String USAGE = """
            usage: ./storyloop COMMAND
              up [--no-demo]        build if needed, start PostgreSQL, Kafka and every service, load demo data
              down                  stop what `up` started
              status                the service map with each component's state
              logs [SERVICE]        list the log files, or the last lines of one (kafka, postgres, story, ...)
              reset                 stop and delete all local data
              import FILE --bank BANK_ID
                                    draft every story of a Markdown or JSON document into a bank (all or nothing)
              republish SERVICE --from N
                                    publish a service's events again from event-store position N
              rebuild SERVICE|PROJECTION
                                    rebuild a projection (or all of a service's) from its topics while the views keep serving
              token --user EMAIL [--password P]
                                    sign in through the console and print a bearer token (demo users: password optional)
              score [--json] [--principles CODE,...] [--level L6] FILE|-
              score --jsonl FILE|-  score stories with the rubric engine, no infrastructure needed
              build                 compile and package everything (skips tests)
              test                  run every test (the same as ./mvnw verify)
            Ports: STORYLOOP_PG_PORT (15432), STORYLOOP_KAFKA_PORT (19092), STORYLOOP_KAFKA_CONTROLLER_PORT (19093),
                   STORYLOOP_STORY_PORT (8101), STORYLOOP_SCORING_PORT (8102), STORYLOOP_PRACTICE_PORT (8103),
                   STORYLOOP_COVERAGE_PORT (8104), STORYLOOP_CONSOLE_PORT (8080). Data: STORYLOOP_HOME (./.storyloop).""";
}
