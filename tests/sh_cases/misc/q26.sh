echo ${PWD:+set}; echo ${HOME:+home}
