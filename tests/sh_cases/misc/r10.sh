(trap 'echo sub-exit' EXIT; echo sub); echo main
