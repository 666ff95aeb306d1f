package com.storyloop.console.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import static org.awaitility.Awaitility.await;

/**
 * Headless Chromium from the machine's packages (Debian's chromium and chromedriver; STORYLOOP_CHROMIUM and
 * STORYLOOP_CHROMEDRIVER point elsewhere), driven like a user: type, click, wait for what appears. Nothing is downloaded.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("STORYLOOP_CHROMIUM", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("STORYLOOP_CHROMEDRIVER", "/usr/bin/chromedriver"));
    static final Duration PATIENCE = Duration.ofSeconds(30);

    private final ChromeDriver driver;
    private final String base;
    private final Path profile;

    Browser(String base) {
        this.base = base;
        try {
            this.profile = Files.createTempDirectory("storyloop-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // the machine's network is closed: no background calls home, no component updates, no sync
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1280,1000", "--user-data-dir=" + profile);
        options.setScriptTimeout(PATIENCE);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
    }

    /** Under CI=true a missing browser fails the run; elsewhere the browser tests are skipped with the reason. */
    static void assumeInstalled() {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        String reason = "headless Chromium is not installed (" + CHROMIUM + ", " + CHROMEDRIVER + "): apt-get install chromium chromium-driver";
        if (!installed && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException(reason);
        }
        Assumptions.assumeTrue(installed, reason);
    }

    Browser open(String path) {
        driver.get(base + path);
        return this;
    }

    Browser signIn(String email, String password) {
        open("/signin");
        type(By.id("email"), email);
        type(By.id("password"), password);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        await().atMost(PATIENCE).until(() -> !driver.getCurrentUrl().contains("/signin"));
        return this;
    }

    Browser signOut() {
        driver.manage().deleteAllCookies();
        return this;
    }

    WebElement find(By by) {
        return await().atMost(PATIENCE).ignoreExceptions().until(() -> driver.findElement(by), element -> element.isDisplayed());
    }

    List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    void type(By by, String text) {
        WebElement field = find(by);
        field.clear();
        field.sendKeys(text);
    }

    String text(By by) {
        return find(by).getText();
    }

    String url() {
        return driver.getCurrentUrl();
    }

    String pageSource() {
        return driver.getPageSource();
    }

    Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    ChromeDriver driver() {
        return driver;
    }

    /**
     * What axe-core (the accessibility rules engine, WCAG 2.1 A and AA) finds wrong with the page as it is now, serious
     * and critical findings only, each as "rule: first offending element".
     */
    @SuppressWarnings("unchecked")
    List<String> accessibilityProblems() {
        if (!Boolean.TRUE.equals(script("return typeof axe !== 'undefined';"))) {
            script(AXE_SOURCE);
        }
        Object result = ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
                   .then(r => done(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                                   .map(v => v.id + ': ' + v.nodes.length + ' element(s), e.g. ' + v.nodes[0].html.substring(0, 160))))
                   .catch(e => done(['axe failed: ' + e]));
                """);
        return (List<String>) result;
    }

    private static final String AXE_SOURCE = readAxe();

    private static String readAxe() {
        try (var in = Browser.class.getResourceAsStream("/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe-core is not on the test classpath");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The whole page as a PNG in docs/screenshots/, linked from the README. */
    void screenshot(String name) {
        Number height = (Number) script("return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight);");
        Dimension before = driver.manage().window().getSize();
        script("window.scrollTo(0, 0);");
        driver.manage().window().setSize(new Dimension(1280, Math.min(4000, Math.max(800, height.intValue()))));
        try {
            Path folder = Path.of(System.getProperty("storyloop.root", "../.."), "docs", "screenshots");
            Files.createDirectories(folder);
            Files.write(folder.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.manage().window().setSize(before);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary profile left behind is harmless
        }
    }
}
