echo ${x-unset} ${x:-empty}; x=; echo ${x-unset} ${x:-empty}
