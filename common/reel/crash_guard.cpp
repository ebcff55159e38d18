#include "reel/crash_guard.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <xapian.h>

#include <csignal>
#include <cstring>
#include <exception>
#include <string>
#include <vector>

#include "reel/errors.hpp"
#include "reel/unicode.hpp"

namespace {

// Formatted before any crash: a signal handler may only write() and _exit().
char g_message[1024];
std::size_t g_message_size = 0;

extern "C" void on_fatal_signal(int sig) {
    const char* name = sig == SIGSEGV   ? "SIGSEGV"
                       : sig == SIGBUS  ? "SIGBUS"
                       : sig == SIGABRT ? "SIGABRT"
                       : sig == SIGFPE  ? "SIGFPE"
                                        : "SIGILL";
    // Two writes, since the signal name cannot be formatted here.
    ssize_t ignored = write(STDERR_FILENO, g_message, g_message_size);
    ignored = write(STDERR_FILENO, name, std::strlen(name));
    ignored = write(STDERR_FILENO, ")\n", 2);
    (void)ignored;
    _exit(reel::kExitDatabase);
}

std::string g_terminate_lead;  // "PROGRAM: database error on 'DB': "

// libxapian 1.4 can let an exception escape a function that may not throw: a commit that
// fails for want of disk space ("Error writing to file (No space left on device)") ends in
// std::terminate inside the library. The abort that follows was reported as a damaged
// database to rebuild, which on a full disk would throw the index away to fail again; the
// exception itself says what went wrong.
[[noreturn]] void on_terminate() {
    if (std::exception_ptr current = std::current_exception()) {
        try {
            std::rethrow_exception(current);
        } catch (const Xapian::Error& e) {
            std::string line = g_terminate_lead + e.get_description() + "\n";
            ssize_t ignored = write(STDERR_FILENO, line.data(), line.size());
            (void)ignored;
            _exit(reel::kExitDatabase);
        } catch (...) {
        }
    }
    std::abort();  // on to the SIGABRT handler
}

}  // namespace

namespace reel {

void install_crash_guard(std::string_view program, const std::filesystem::path& db) {
#if defined(__SANITIZE_ADDRESS__)
    // The sanitizers' own reports say far more about a crash, which is what such builds are for.
    (void)program, (void)db;
    return;
#endif
    std::string message = fmt::format(
        "{}: database '{}' could not be read safely: it is probably damaged; "
        "'reel-index --rebuild' rebuilds it (stopped on ",
        program, printable(db.string()));
    g_message_size = std::min(message.size(), sizeof g_message);
    std::memcpy(g_message, message.data(), g_message_size);
    g_terminate_lead = fmt::format("{}: database error on '{}': ", program, printable(db.string()));
    std::set_terminate(on_terminate);

    // A stack overflow can only be reported from a stack of its own.
    static std::vector<char> alt_stack(1 << 16);
    stack_t ss{};
    ss.ss_sp = alt_stack.data();
    ss.ss_size = alt_stack.size();
    sigaltstack(&ss, nullptr);

    struct sigaction action {};
    action.sa_handler = on_fatal_signal;
    action.sa_flags = SA_ONSTACK | SA_RESETHAND;
    sigemptyset(&action.sa_mask);
    for (int sig : {SIGSEGV, SIGBUS, SIGABRT, SIGFPE, SIGILL}) sigaction(sig, &action, nullptr);
}

}  // namespace reel
