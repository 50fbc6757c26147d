// A real obole-server process (the binary this build made) on a fresh data
// folder and a free loopback port, for what only a process of its own shows:
// its peak memory, and that it is still alive after what it was sent.
#pragma once

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <thread>
#include <utility>
#include <vector>

class ServerProcess {
public:
    ServerProcess()
    {
        char dir[] = "/tmp/obole-server-test-XXXXXX";
        data_ = ::mkdtemp(dir) ? dir : "";
    }
    ~ServerProcess()
    {
        if (pid_ > 0) {
            ::kill(pid_, SIGTERM);
            ::waitpid(pid_, nullptr, 0);
        }
        std::error_code ec;
        if (!data_.empty())
            std::filesystem::remove_all(data_, ec);
    }
    ServerProcess(const ServerProcess&) = delete;
    ServerProcess& operator=(const ServerProcess&) = delete;

    // Runs `obole-server --data DIR ARGS...` to its end with `input` on its
    // standard input; returns what it printed.
    std::string admin(const std::vector<std::string>& args, const std::string& input = "")
    {
        const std::string in = data_ + "/admin.in", out = data_ + "/admin.out";
        std::ofstream(in) << input;
        pid_t pid = spawn(args, in, out);
        ::waitpid(pid, nullptr, 0);
        std::ifstream printed(out);
        return std::string(std::istreambuf_iterator<char>(printed), {});
    }

    // Runs `obole-server --data DIR ARGS...` to its end; its exit status and
    // all it printed, standard error included.
    std::pair<int, std::string> run(const std::vector<std::string>& args)
    {
        const std::string out = data_ + "/run.out";
        pid_t pid = spawn(args, "/dev/null", out, true);
        int status = 0;
        ::waitpid(pid, &status, 0);
        std::ifstream printed(out);
        return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, std::string(std::istreambuf_iterator<char>(printed), {})};
    }

    const std::string& data_dir() const { return data_; }

    // Ends the server started last (SIGTERM) and waits for it.
    void stop()
    {
        if (pid_ > 0) {
            ::kill(pid_, SIGTERM);
            ::waitpid(pid_, nullptr, 0);
            pid_ = -1;
        }
    }

    // What the server started last printed.
    std::string log() const
    {
        std::ifstream printed(data_ + "/server.log");
        return std::string(std::istreambuf_iterator<char>(printed), {});
    }

    // Starts serving on a free port (with `extra` arguments); false when it
    // did not say where within 30 s.
    bool start(const std::vector<std::string>& extra = {})
    {
        const std::string log = data_ + "/server.log";
        std::remove(log.c_str()); // an earlier start's port must not be read for this one's
        std::vector<std::string> args = {"--port", "0"};
        args.insert(args.end(), extra.begin(), extra.end());
        pid_ = spawn(args, "/dev/null", log);
        const std::regex running(R"(Obole is running at http://127\.0\.0\.1:(\d+)/)");
        for (int i = 0; i < 300 && alive(); ++i) {
            std::ifstream printed(log);
            const std::string text(std::istreambuf_iterator<char>(printed), {});
            std::smatch m;
            if (std::regex_search(text, m, running)) {
                port_ = std::stoi(m[1]);
                return true;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
        return false;
    }

    int port() const { return port_; }

    bool alive()
    {
        if (pid_ > 0 && ::waitpid(pid_, nullptr, WNOHANG) != 0)
            pid_ = -1; // it ended (and is reaped now)
        return pid_ > 0;
    }

    // Starts peak_rss_kib() again from the memory the process holds now.
    bool reset_peak_rss()
    {
        std::ofstream clear_refs("/proc/" + std::to_string(pid_) + "/clear_refs");
        clear_refs << "5"; // proc(5): "reset the peak resident set size"
        return bool(clear_refs.flush());
    }

    // The most memory the process has held (VmHWM), in KiB; -1 if unknown.
    long peak_rss_kib() const
    {
        std::ifstream status("/proc/" + std::to_string(pid_) + "/status");
        std::string line;
        while (std::getline(status, line))
            if (line.rfind("VmHWM:", 0) == 0)
                return std::atol(line.c_str() + 6);
        return -1;
    }

private:
    pid_t spawn(std::vector<std::string> args, const std::string& in, const std::string& out, bool with_stderr = false)
    {
        args.insert(args.begin(), {OBOLE_SERVER_BINARY, "--data", data_});
        pid_t pid = ::fork();
        if (pid == 0) {
            std::freopen(in.c_str(), "r", stdin);
            std::freopen(out.c_str(), "w", stdout);
            if (with_stderr)
                ::dup2(::fileno(stdout), 2);
            std::vector<char*> argv;
            for (std::string& a : args)
                argv.push_back(a.data());
            argv.push_back(nullptr);
            ::execv(argv[0], argv.data());
            ::_exit(127);
        }
        return pid;
    }

    std::string data_;
    pid_t pid_ = -1;
    int port_ = 0;
};
