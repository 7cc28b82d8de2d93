package cn.rdfund.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium (Debian's chromium and chromedriver) on the application under test, in Shenyang's time zone and
 * the language it is given. Screenshots go to target/screenshots (docs/user-guide.md shows them). Without Chromium
 * the test is skipped, unless RDFUND_BROWSER_TESTS=required (as in .ci/run), where it fails.
 */
public final class Browser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    /**
     * Long enough for a webapp's first page while the test JVM, Maven and the kill -9 test's application share two
     * cores; a wait that fails reports what the page showed (which found the blank Tasklist of WebappPageNonce).
     */
    private static final Duration WAIT = Duration.ofSeconds(60);

    /** The browser tests take turns: two Chromiums at once on two cores slow every other test class as well. */
    public static final String CHROMIUM_LOCK = "chromium";

    private final ChromeDriver chrome;
    private final WebDriverWait wait;
    private final Path downloads;
    private final int port;

    private Browser(ChromeDriver chrome, Path downloads, int port) {
        this.chrome = chrome;
        // Selenium looks again every 500 ms by default: a page that is ready in 20 ms would cost half a second a step.
        this.wait = (WebDriverWait) new WebDriverWait(chrome, WAIT).pollingEvery(Duration.ofMillis(50));
        this.downloads = downloads;
        this.port = port;
    }

    /** Chromium whose user reads {@code language} (e.g. zh-CN) and lives in Asia/Shanghai. */
    public static Browser start(int port, String language) throws IOException {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed && "required".equals(System.getenv("RDFUND_BROWSER_TESTS"))) {
            throw new IllegalStateException("Chromium and chromedriver are required: run .ci/ensure-chromium");
        }
        Assumptions.assumeTrue(installed, "Chromium is not installed (apt-get install chromium chromium-driver)");
        Path downloads = Files.createTempDirectory("rdfund-downloads");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toString()).addArguments("--headless=new",
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--lang=" + language, "--window-size=1400,1000",
                "--user-data-dir=" + Files.createTempDirectory("rdfund-chromium"));
        LoggingPreferences console = new LoggingPreferences();
        console.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", console);
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false, "intl.accept_languages", language));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .withEnvironment(Map.of("TZ", "Asia/Shanghai")).usingAnyFreePort().build();
        ChromeDriver chrome = new ChromeDriver(service, options);
        // Headless Chromium saves downloads only where DevTools says so.
        chrome.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow",
                "downloadPath", downloads.toString()));
        chrome.manage().window().setSize(new Dimension(1400, 1000));
        Files.createDirectories(SCREENSHOTS);
        return new Browser(chrome, downloads, port);
    }

    public WebDriver driver() {
        return chrome;
    }

    public void open(String path) {
        chrome.get("http://localhost:" + port + path);
    }

    /** Waits up to a minute; a timeout says where the browser was, what it showed and what its console reported. */
    public <T> T until(ExpectedCondition<T> condition) {
        try {
            return wait.until(condition);
        } catch (TimeoutException timeout) {
            throw new AssertionError(whatTheBrowserShows(), timeout);
        }
    }

    private String whatTheBrowserShows() {
        StringBuilder seen = new StringBuilder("the browser was at ").append(chrome.getCurrentUrl());
        try {
            shot("timeout-" + System.currentTimeMillis() + ".png");
            seen.append("\nit showed: ").append(chrome.findElement(By.tagName("body")).getText());
            chrome.manage().logs().get(LogType.BROWSER).forEach(entry -> seen.append("\nconsole: ").append(entry));
        } catch (RuntimeException | IOException unavailable) {
            seen.append("\n(").append(unavailable).append(')');
        }
        return seen.toString();
    }

    /**
     * Clicks what {@code by} finds once it is clickable. Tasklist re-renders its lists as they load, so an element found
     * a moment before may be gone: it is looked up again.
     */
    public void clickWhenReady(By by) {
        for (int attempt = 1; ; attempt++) {
            try {
                until(ExpectedConditions.elementToBeClickable(by)).click();
                return;
            } catch (StaleElementReferenceException rerendered) {
                if (attempt == 5) {
                    throw rerendered;
                }
            }
        }
    }

    public WebElement find(By by) {
        return chrome.findElement(by);
    }

    /** Clicks {@code element} after scrolling it to the middle of the window, clear of the page's footer. */
    public void click(WebElement element) {
        chrome.executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
    }

    /** Camunda's login page, as every webapp shows it first. */
    public void logIn(String user, String password) {
        until(driver -> driver.findElement(By.cssSelector("input[ng-model=username]"))).sendKeys(user);
        find(By.cssSelector("input[ng-model=password]")).sendKeys(password);
        find(By.cssSelector("button[type=submit]")).click();
    }

    /** What the page shows a person: visible text only. */
    public String visibleText() {
        return find(By.tagName("body")).getText();
    }

    public void shot(String name) throws IOException {
        Files.write(SCREENSHOTS.resolve(name), chrome.getScreenshotAs(OutputType.BYTES));
    }

    public Path awaitDownload(String name) throws InterruptedException {
        Path file = downloads.resolve(name);
        for (int i = 0; i < 100 && !Files.exists(file); i++) {
            Thread.sleep(100);
        }
        return Optional.of(file).filter(Files::exists)
                .orElseThrow(() -> new AssertionError("no download " + name + " in " + downloads));
    }

    @Override
    public void close() {
        chrome.quit();
    }
}
