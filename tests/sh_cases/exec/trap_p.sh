# dash differs: no trap -p in dash 0.5.12
# busybox differs: ash 1.35 has no trap -p (bash and POSIX 2024 do)
trap 'echo x' INT
trap 'echo e' EXIT
trap
trap - INT
trap -p
trap - EXIT
